import { z } from "zod";

// One element of a callback array, as Bandwidth's spec describes statusCallback/inboundCallback.
// Numbers are kept exactly as sent (never normalised or rejected for their format).

const callbackMessage = z.object({
  id: z.string().min(1),
  owner: z.string().min(1),
  applicationId: z.string().optional(),
  time: z.iso.datetime({ offset: true }),
  segmentCount: z.number().int().nonnegative().optional(),
  direction: z.enum(["in", "out"]),
  to: z.array(z.string().min(1)).min(1),
  from: z.string().min(1),
  text: z.string().optional(),
  media: z.array(z.string()).optional(),
  tag: z.string().optional(),
  priority: z.string().optional(),
});

const base = {
  time: z.iso.datetime({ offset: true }),
  to: z.string().min(1),
  description: z.string().optional(),
  message: callbackMessage,
  carrierName: z.string().optional(),
};

export const STATUS_TYPES = ["message-sending", "message-sent", "message-delivered", "message-failed"] as const;

export const receivedCallbackSchema = z.object({ ...base, type: z.literal("message-received") });
export const statusCallbackSchema = z.object({
  ...base,
  type: z.enum(STATUS_TYPES),
  errorCode: z.number().int().optional(),
});

export type ReceivedCallback = z.infer<typeof receivedCallbackSchema>;
export type StatusCallback = z.infer<typeof statusCallbackSchema>;

export type ParsedCallback =
  | { kind: "received"; event: ReceivedCallback; dedupeKey: string }
  | { kind: "status"; event: StatusCallback; dedupeKey: string }
  /** A type we keep but do not act on (message-read, RCS responses, anything new). */
  | { kind: "other"; type: string; dedupeKey: string | null }
  | { kind: "rejected"; reason: string };

/** Classifies one element of a callback array; never throws. */
export function parseCallback(element: unknown): ParsedCallback {
  const type = typeof element === "object" && element !== null ? (element as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || type === "") return { kind: "rejected", reason: "not an event object with a `type`" };
  const schema =
    type === "message-received"
      ? receivedCallbackSchema
      : (STATUS_TYPES as readonly string[]).includes(type)
        ? statusCallbackSchema
        : null;
  if (!schema) return { kind: "other", type, dedupeKey: looseKey(element) };
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

function looseKey(element: unknown): string | null {
  const event = element as { type?: string; to?: unknown; time?: unknown; message?: { id?: unknown } };
  return typeof event.message?.id === "string"
    ? [event.type, event.message.id, String(event.to), String(event.time)].join("|")
    : null;
}
