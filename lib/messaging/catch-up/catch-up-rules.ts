import type { ListMessageItem } from "@/lib/bandwidth/list-messages";

// The pure rules of catching up on callbacks Bandwidth gave up on (lib/messaging/catch-up).

export type CatchUpSettings = {
  /** A recipient still without a final status this long after its send is looked up. */
  outboundAfterMs: number;
  /** An inbound message is compared once Bandwidth has stopped retrying its callback (24 h) and a margin. */
  inboundAfterMs: number;
  /** How far back both look (List Messages searches at most 14 days). */
  lookbackMs: number;
};

const FOURTEEN_DAYS_MS = 14 * 24 * 3_600_000;

/** The stretch of time each side of a run looks at, ending `afterMs` ago and starting at most `lookbackMs` ago. */
export function catchUpWindows(now: Date, settings: CatchUpSettings) {
  const since = new Date(now.getTime() - Math.min(settings.lookbackMs, FOURTEEN_DAYS_MS));
  return {
    outbound: { from: since, to: new Date(now.getTime() - settings.outboundAfterMs) },
    inbound: { from: since, to: new Date(now.getTime() - settings.inboundAfterMs) },
  };
}

/**
 * The status callback Bandwidth's record stands for, when it is final: DELIVERED → delivered;
 * FAILED and UNDELIVERED → failed with its error code. Anything else (still queued, sending, sent,
 * accepted) teaches nothing a callback would not.
 */
export function finalStatusOf(
  item: Pick<ListMessageItem, "messageStatus" | "errorCode">,
): { type: "message-delivered" } | { type: "message-failed"; errorCode: number | null } | null {
  if (item.messageStatus === "DELIVERED") return { type: "message-delivered" };
  if (item.messageStatus === "FAILED" || item.messageStatus === "UNDELIVERED")
    return { type: "message-failed", errorCode: item.errorCode ? item.errorCode : null };
  return null;
}

/**
 * For a send whose answer was lost (no Bandwidth id, now `unconfirmed`), the one Bandwidth message
 * that can be it: sent from its number to exactly its recipients, with an id no other message of
 * ours has. Two candidates (two lost sends alike) are ambiguous: none is chosen.
 */
export function lostSendMatch(
  items: ReadonlyArray<Pick<ListMessageItem, "messageId" | "destinationTn">>,
  recipients: ReadonlyArray<string>,
  knownIds: ReadonlySet<string>,
): string | null {
  const byId = new Map<string, Set<string>>();
  for (const item of items) {
    if (knownIds.has(item.messageId)) continue;
    byId.set(item.messageId, (byId.get(item.messageId) ?? new Set()).add(item.destinationTn));
  }
  const wanted = new Set(recipients);
  const candidates = [...byId].filter(
    ([, destinations]) => destinations.size === wanted.size && [...wanted].every((number) => destinations.has(number)),
  );
  return candidates.length === 1 ? (candidates[0]?.[0] ?? null) : null;
}

/** Inbound messages Bandwidth has and we never stored, each once (a list may repeat one across pages). */
export function missedInbound<T extends Pick<ListMessageItem, "messageId" | "messageDirection">>(
  items: ReadonlyArray<T>,
  storedIds: ReadonlySet<string>,
): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (item.messageDirection !== "INBOUND" || storedIds.has(item.messageId) || seen.has(item.messageId)) return false;
    seen.add(item.messageId);
    return true;
  });
}

/** Our numbers in groups of 10: List Messages takes at most 10 full numbers in one `destinationTn`. */
export function numberBatches(numbers: ReadonlyArray<string>, size = 10): string[][] {
  const batches: string[][] = [];
  for (let index = 0; index < numbers.length; index += size) batches.push(numbers.slice(index, index + size));
  return batches;
}
