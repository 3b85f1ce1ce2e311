import { z } from "zod";
import { MAX_CALLBACK_DEPTH, safePayload } from "./callback-payload";

// One element of a callback array, as Bandwidth's spec describes statusCallback/inboundCallback.
// Numbers are kept exactly as sent (never normalised or rejected for their format), but every
// string is bounded: ids, numbers and tags end up in btree indexes (an entry is at most ~2.7 kB:
// 30 numbers of 24 characters make a conversation's key), integers in int4 columns.

const number = z.string().min(1).max(24);
const int4 = z.number().int().min(-2_147_483_648).max(2_147_483_647);
const time = z.iso.datetime({ offset: true }).max(40);
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

const callbackMessage = z.object({
  id: z.string().min(1).max(100),
  owner: number,
  applicationId: z.string().max(100).optional(),
  time,
  segmentCount: int4.nonnegative().optional(),
  direction: z.enum(["in", "out"]),
  to: z.array(number).min(1).max(30),
  from: number,
  text: z.string().max(100_000).optional(),
  media: z.array(z.string().max(2048)).max(50).optional(),
  // The spec allows 1,024 characters; its index entry must stay under PostgreSQL's limit.
  tag: z
    .string()
    .max(1024)
    .refine((tag) => utf8Bytes(tag) <= 2048, "at most 2048 bytes")
    .optional(),
  priority: z.string().max(50).optional(),
});

const base = {
  time,
  to: number,
  description: z.string().max(1000).optional(),
  message: callbackMessage,
  carrierName: z.string().max(200).optional(),
};

const STATUS_TYPES = ["message-sending", "message-sent", "message-delivered", "message-failed"] as const;

const receivedCallbackSchema = z.object({ ...base, type: z.literal("message-received") });
export const statusCallbackSchema = z.object({
  ...base,
  type: z.enum(STATUS_TYPES),
  errorCode: int4.optional(),
});

export type ReceivedCallback = z.infer<typeof receivedCallbackSchema>;
export type StatusCallback = z.infer<typeof statusCallbackSchema>;

export type ParsedCallback =
  | { kind: "received"; event: ReceivedCallback; dedupeKey: string }
  | { kind: "status"; event: StatusCallback; dedupeKey: string }
  /** A type we keep but do not act on (message-read, RCS responses, anything new). */
  | { kind: "other"; type: string; dedupeKey: string | null }
  | { kind: "rejected"; reason: string };

/**
 * Reads one element of a callback array as it came off the wire: `payload` is the element made safe
 * to store (strings cleaned, depth bounded: lib/bandwidth/callback-payload.ts), `parsed` what it is.
 * Never throws.
 */
export function readCallback(element: unknown): { payload: unknown; parsed: ParsedCallback } {
  const { payload, tooDeep } = safePayload(element);
  if (tooDeep)
    return { payload, parsed: { kind: "rejected", reason: `nested deeper than ${MAX_CALLBACK_DEPTH} levels` } };
  return { payload, parsed: parseCallback(payload) };
}

/** Classifies one element of a callback array (already made safe by `readCallback`); never throws. */
export function parseCallback(element: unknown): ParsedCallback {
  const type = typeof element === "object" && element !== null ? (element as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || type === "") return { kind: "rejected", reason: "not an event object with a `type`" };
  const schema =
    type === "message-received"
      ? receivedCallbackSchema
      : (STATUS_TYPES as readonly string[]).includes(type)
        ? statusCallbackSchema
        : null;
  if (!schema) return { kind: "other", type: type.slice(0, 100), dedupeKey: looseKey(element) };
  const parsed = schema.safeParse(element);
  if (!parsed.success) {
    return {
      kind: "rejected",
      reason: parsed.error.issues
        .slice(0, 5)
        .map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`)
        .join("; "),
    };
  }
  const event = parsed.data;
  const dedupeKey = [event.type, event.message.id, event.to, event.time].join("|");
  return event.type === "message-received"
    ? { kind: "received", event: event as ReceivedCallback, dedupeKey }
    : { kind: "status", event: event as StatusCallback, dedupeKey };
}

// Keys of unknown types are indexed too: one that is too long for that is simply not kept.
function looseKey(element: unknown): string | null {
  const event = element as { type?: string; to?: unknown; time?: unknown; message?: { id?: unknown } };
  const key =
    typeof event.message?.id === "string"
      ? [event.type, event.message.id, primitive(event.to), primitive(event.time)].join("|")
      : null;
  return key !== null && key.length <= 300 ? key : null;
}

const primitive = (value: unknown) => (typeof value === "object" && value !== null ? "[object]" : String(value));
