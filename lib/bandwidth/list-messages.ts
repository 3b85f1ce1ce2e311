import "server-only";
import { MessagesApi, type ListMessageDirectionEnum, type MessageStatusEnum } from "bandwidth-sdk";
import { z } from "zod";
import { sdkConfiguration, withTokenRetry, type BandwidthAccess } from "./credentials";
import { classify } from "./messaging-client";

/** One message of List Messages (the spec's listMessageItem): metadata only, never text or media. */
const listMessageItemSchema = z.object({
  messageId: z.string().min(1),
  sourceTn: z.string(),
  destinationTn: z.string(),
  messageStatus: z.enum(["RECEIVED", "QUEUED", "SENDING", "SENT", "FAILED", "DELIVERED", "ACCEPTED", "UNDELIVERED"]),
  messageDirection: z.enum(["INBOUND", "OUTBOUND"]),
  segmentCount: z.number().int().nullish(),
  errorCode: z.number().int().nullish(),
  receiveTime: z.string(),
  carrierName: z.string().nullish(),
  attachmentCount: z.number().int().nullish(),
  recipientCount: z.number().int().nullish(),
});

/** The answer of List Messages (the spec's messagesList). */
const messagesListSchema = z.object({
  totalCount: z.number().int().nullish(),
  pageInfo: z.object({ nextPageToken: z.string().nullish() }).nullish(),
  messages: z.array(listMessageItemSchema).default([]),
});

export type ListMessageItem = z.infer<typeof listMessageItemSchema>;

export type ListFilters = {
  messageId?: string;
  sourceTn?: string;
  destinationTn?: string;
  messageDirection?: "INBOUND" | "OUTBOUND";
  messageStatus?: ListMessageItem["messageStatus"];
  fromDateTime?: Date;
  toDateTime?: Date;
};

export type ListOptions = {
  timeoutMs: number;
  /** Bandwidth allows 3,500 requests per 5 minutes: the least time between two of ours. */
  minIntervalMs: number;
  /** The longest `Retry-After` worth waiting for; a longer one ends the listing (ListMessagesError). */
  maxRetryAfterMs: number;
  /** Called before each request (each page, each retry), for the run's tally. */
  onRequest?: () => void;
  sleep?: (ms: number) => Promise<void>;
  pageSize?: number;
};

/** List Messages refused or could not be read; `rateLimited` when its Retry-After was too long to wait. */
export class ListMessagesError extends Error {
  constructor(
    message: string,
    readonly rateLimited = false,
  ) {
    super(message);
    this.name = "ListMessagesError";
  }
}

/**
 * Every message matching `filters`, page after page (`pageToken`), through the official SDK with
 * the account's credentials. Requests are spaced by `minIntervalMs`; a 429 waits as its
 * `Retry-After` says (when no longer than `maxRetryAfterMs`) and asks again. Throws
 * ListMessagesError on anything else that is not a 200 with the spec's shape.
 */
export async function listAllMessages(
  access: BandwidthAccess,
  filters: ListFilters,
  options: ListOptions,
): Promise<ListMessageItem[]> {
  const api = new MessagesApi(sdkConfiguration(access, { timeoutMs: options.timeoutMs }));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const items: ListMessageItem[] = [];
  let pageToken: string | undefined;
  let lastRequestAt = 0;
  for (;;) {
    const wait = lastRequestAt + options.minIntervalMs - Date.now();
    if (wait > 0) await sleep(wait);
    lastRequestAt = Date.now();
    options.onRequest?.();
    const answer = await listPage(api, access, filters, pageToken, options.pageSize ?? 1000);
    if ("retryAfterMs" in answer) {
      const retryAfterMs = answer.retryAfterMs ?? options.minIntervalMs;
      if (retryAfterMs > options.maxRetryAfterMs)
        throw new ListMessagesError(`List Messages: rate limited for ${Math.ceil(retryAfterMs / 1000)} s`, true);
      await sleep(retryAfterMs);
      continue;
    }
    items.push(...answer.page.messages);
    const next = answer.page.pageInfo?.nextPageToken;
    if (!next || answer.page.messages.length === 0) return items;
    pageToken = next;
  }
}

async function listPage(
  api: MessagesApi,
  access: BandwidthAccess,
  filters: ListFilters,
  pageToken: string | undefined,
  limit: number,
): Promise<{ page: z.infer<typeof messagesListSchema> } | { retryAfterMs: number | null }> {
  let data: unknown;
  try {
    ({ data } = await withTokenRetry(access, () =>
      api.listMessages(
        access.accountId,
        filters.messageId,
        filters.sourceTn,
        filters.destinationTn,
        filters.messageStatus as MessageStatusEnum | undefined,
        filters.messageDirection as ListMessageDirectionEnum | undefined,
        undefined, // carrierName
        undefined, // messageType
        undefined, // errorCode
        filters.fromDateTime?.toISOString(),
        filters.toDateTime?.toISOString(),
        undefined, // campaignId
        undefined, // fromBwLatency
        undefined, // bwQueued
        undefined, // product
        undefined, // location
        undefined, // carrierQueued
        undefined, // fromCarrierLatency
        undefined, // callingNumberCountryA3
        undefined, // calledNumberCountryA3
        undefined, // fromSegmentCount
        undefined, // toSegmentCount
        undefined, // fromMessageSize
        undefined, // toMessageSize
        "receiveTime:asc",
        pageToken,
        limit,
      ),
    ));
  } catch (error) {
    const outcome = classify(error);
    if (outcome.kind === "rate-limited") return { retryAfterMs: outcome.retryAfterMs };
    throw new ListMessagesError(`List Messages: ${"detail" in outcome ? outcome.detail : outcome.kind}`);
  }
  const page = messagesListSchema.safeParse(data);
  if (!page.success) throw new ListMessagesError(`List Messages answered an unexpected body: ${page.error.message}`);
  return { page: page.data };
}
