import type { IncomingMessage } from "node:http";
import { z } from "zod";
import { MINUTE, type Clock } from "../clock";
import { validationError, type FieldError } from "../http/bandwidth-errors";
import type { Reply } from "../http/kit";
import type { MessageRecord, SandboxState } from "../state";
import { authenticate } from "./auth";
import { carrierOf } from "../bandwidth/carriers";

export type ListDeps = { state: SandboxState; clock: Clock; publicUrl: string };

const STATUSES = ["RECEIVED", "QUEUED", "SENDING", "SENT", "FAILED", "DELIVERED", "ACCEPTED", "UNDELIVERED"] as const;
const SORTABLE = ["receiveTime", "messageId", "sourceTn", "destinationTn", "messageStatus", "segmentCount"] as const;
const RATE_WINDOW = 5 * MINUTE;
const numbers = z
  .string()
  .transform((value) => value.split(",").map((item) => item.trim()))
  .pipe(z.array(z.string().min(5, "a full number, or a partial one of at least 5 characters")).min(1).max(10));
const dateTime = z.iso.datetime({ offset: true, error: "an ISO 8601 date-time" });

const querySchema = z.object({
  messageId: z.string().min(1).optional(),
  sourceTn: numbers.optional(),
  destinationTn: numbers.optional(),
  messageStatus: z.enum(STATUSES).optional(),
  messageDirection: z.enum(["INBOUND", "OUTBOUND"]).optional(),
  messageType: z.enum(["sms", "mms", "rcs"]).optional(),
  carrierName: z.string().min(1).optional(),
  errorCode: z.coerce.number().int().min(0).optional(),
  fromDateTime: dateTime.optional(),
  toDateTime: dateTime.optional(),
  sort: z
    .string()
    .regex(new RegExp(`^(${SORTABLE.join("|")})(:(asc|desc))?$`), `one of ${SORTABLE.join(", ")}, then :asc or :desc`)
    .optional(),
  pageToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "a token from pageInfo")
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  limitTotalCount: z.enum(["true", "false"]).optional(),
});

type Item = {
  messageId: string;
  accountId: string;
  sourceTn: string;
  destinationTn: string;
  messageStatus: (typeof STATUSES)[number];
  messageDirection: "INBOUND" | "OUTBOUND";
  messageType: "sms" | "mms";
  segmentCount: number;
  errorCode: number;
  receiveTime: string;
  carrierName: string | null;
  messageSize: number | null;
  messageLength: number;
  attachmentCount: number | null;
  recipientCount: number | null;
  campaignClass: null;
  campaignId: null;
};

/**
 * GET /api/v2/users/{accountId}/messages — the spec's listMessages: the metadata of every message
 * the sandbox handled (one item per recipient of an outbound message, one per our number for an
 * inbound one), never text or media; statuses as they stand on the sandbox clock. Limited to
 * `listRateLimit` requests per (scaled) 5 minutes per caller address: 429 with Retry-After.
 */
export function listMessages(
  deps: ListDeps,
  request: IncomingMessage,
  accountId: string,
  query: URLSearchParams,
): Reply {
  const auth = authenticate(deps, request, accountId);
  if ("reply" in auth) return auth.reply;
  const limited = rateLimited(deps, request.socket.remoteAddress ?? "unknown");
  if (limited) return limited;
  const parsed = querySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    const fieldErrors: FieldError[] = parsed.error.issues.map((issue) => ({
      fieldName: String(issue.path[0] ?? "query"),
      description: issue.message,
    }));
    return validationError(fieldErrors, "Your search could not be accepted");
  }
  const filters = parsed.data;
  const now = deps.clock.now();
  const matched = deps.state.messages
    .filter((record) => record.accountId === accountId)
    .flatMap((record) => itemsOf(record, now))
    .filter((item) => matches(item, filters));
  const [field, direction] = (filters.sort ?? "receiveTime:asc").split(":") as [(typeof SORTABLE)[number], string?];
  const order = direction === "desc" ? -1 : 1;
  matched.sort((a, b) => (a[field] < b[field] ? -order : a[field] > b[field] ? order : 0));

  const offset = filters.pageToken ? decodeToken(filters.pageToken) : 0;
  if (offset === null) return validationError([{ fieldName: "pageToken", description: "not a token from pageInfo" }]);
  const page = matched.slice(offset, offset + filters.limit);
  const link = (token: string) => {
    const next = new URLSearchParams(query);
    next.set("pageToken", token);
    return `${deps.publicUrl}/api/v2/users/${accountId}/messages?${next.toString()}`;
  };
  const pageInfo: Record<string, string> = {};
  if (offset + filters.limit < matched.length) {
    pageInfo.nextPageToken = encodeToken(offset + filters.limit);
    pageInfo.nextPage = link(pageInfo.nextPageToken);
  }
  if (offset > 0) {
    pageInfo.prevPageToken = encodeToken(Math.max(0, offset - filters.limit));
    pageInfo.prevPage = link(pageInfo.prevPageToken);
  }
  const totalCount = filters.limitTotalCount === "true" ? Math.min(matched.length, 10_000) : matched.length;
  return { status: 200, body: { totalCount, pageInfo, messages: page } };
}

function itemsOf({ accountId, message, outcomes, leavesQueueAt, settlesAt }: MessageRecord, now: number): Item[] {
  const mms = message.to.length > 1 || (message.media?.length ?? 0) > 0;
  const common = {
    messageId: message.id,
    accountId,
    sourceTn: message.from,
    messageType: mms ? "mms" : "sms",
    segmentCount: message.segmentCount,
    receiveTime: message.time,
    messageSize: mms ? null : Buffer.byteLength(message.text, "utf8"),
    messageLength: [...message.text].length,
    attachmentCount: message.media?.length ?? 0,
    recipientCount: message.to.length,
    campaignClass: null,
    campaignId: null,
  } as const;
  if (message.direction === "in") {
    return [
      {
        ...common,
        destinationTn: message.owner,
        messageStatus: "RECEIVED",
        messageDirection: "INBOUND",
        errorCode: 0,
        carrierName: carrierOf(message.from),
      },
    ];
  }
  return message.to.map((recipient) => {
    const outcome = outcomes[recipient] ?? "delivered";
    const settled = settlesAt === undefined || now >= settlesAt;
    const failedCode = outcome.startsWith("failed ") ? Number(outcome.slice("failed ".length)) : null;
    const messageStatus: Item["messageStatus"] = settled
      ? failedCode === null
        ? "DELIVERED"
        : "FAILED"
      : leavesQueueAt !== undefined && now >= leavesQueueAt
        ? "SENT"
        : "QUEUED";
    return {
      ...common,
      destinationTn: recipient,
      messageStatus,
      messageDirection: "OUTBOUND",
      errorCode: settled && failedCode !== null ? failedCode : 0,
      carrierName: carrierOf(recipient),
    };
  });
}

function matches(item: Item, filters: z.infer<typeof querySchema>): boolean {
  const numberMatches = (wanted: string[] | undefined, actual: string) =>
    !wanted || wanted.some((number) => (number.length >= 12 ? actual === number : actual.includes(number)));
  const time = Date.parse(item.receiveTime);
  return (
    (!filters.messageId || item.messageId === filters.messageId) &&
    numberMatches(filters.sourceTn, item.sourceTn) &&
    numberMatches(filters.destinationTn, item.destinationTn) &&
    (!filters.messageStatus || item.messageStatus === filters.messageStatus) &&
    (!filters.messageDirection || item.messageDirection === filters.messageDirection) &&
    (!filters.messageType || item.messageType === filters.messageType) &&
    (!filters.carrierName || item.carrierName === filters.carrierName) &&
    (filters.errorCode === undefined || item.errorCode === filters.errorCode) &&
    (!filters.fromDateTime || time >= Date.parse(filters.fromDateTime)) &&
    (!filters.toDateTime || time <= Date.parse(filters.toDateTime))
  );
}

/** A sliding window of request times per caller address. */
function rateLimited({ state, clock }: ListDeps, address: string): Reply | null {
  const window = clock.scaled(RATE_WINDOW);
  const now = clock.now();
  const times = (state.listRequests.get(address) ?? []).filter((at) => at > now - window);
  state.listRequests.set(address, times);
  if (times.length >= state.config.listRateLimit) {
    const retryAfterMs = (times[0] ?? now) + window - now;
    return {
      status: 429,
      headers: { "retry-after": String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
      body: {
        type: "rate_limit_exceeded",
        description: "Rate limit exceeded. Wait for Retry-After time before sending another request.",
      },
    };
  }
  times.push(now);
  return null;
}

function encodeToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

function decodeToken(token: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match?.[1] ? Number(match[1]) : null;
}
