import { classifyKeyword } from "@/lib/bandwidth/consent-keywords";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import type { BandwidthMessage, SandboxState } from "../state";

// Bandwidth enforces opt-out at its network for toll-free numbers only: a customer's STOP blocks
// that toll-free number from texting them (sends fail with 4775) and Bandwidth answers them itself,
// until START or UNSTOP (also answered). The customer's message still reaches the app's callback.

export const OPT_OUT_ERROR = { code: 4775, description: "destination-rejected-due-to-user-opt-out" } as const;

const REPLIES = {
  opt_out:
    'NETWORK MSG: You replied with the word "STOP" which blocks all texts sent from this number. Text back "UNSTOP" to receive messages again.',
  opt_in: 'NETWORK MSG: You have replied "UNSTOP" and will begin receiving messages again from this number.',
} as const;

/**
 * A customer's message to one of our numbers: for a toll-free number and an opt-out or opt-in
 * keyword, the block is set or lifted and Bandwidth's automatic reply is delivered to the phone.
 * Returns that reply (for the phone page), or null.
 */
export function applyTollFreeKeyword(
  state: SandboxState,
  input: {
    accountId: string;
    applicationId: string;
    owner: string;
    from: string;
    text: string;
    now: number;
    id: string;
  },
): BandwidthMessage | null {
  if (!isTollFreeNumber(input.owner)) return null;
  const keyword = classifyKeyword(input.text);
  if (keyword !== "opt_out" && keyword !== "opt_in") return null;
  const key = blockKey(input.owner, input.from);
  if (keyword === "opt_out") state.tollFreeOptOuts.add(key);
  else state.tollFreeOptOuts.delete(key);
  const reply: BandwidthMessage = {
    id: input.id,
    owner: input.owner,
    applicationId: input.applicationId,
    time: new Date(input.now + 1).toISOString(),
    segmentCount: 1,
    direction: "out",
    to: [input.from],
    from: input.owner,
    text: REPLIES[keyword],
  };
  state.rememberMessage({ accountId: input.accountId, message: reply, outcomes: { [input.from]: "delivered" } });
  return reply;
}

/** Whether Bandwidth blocks `from` (toll-free) from texting `to`. */
export function isBlockedByOptOut(state: SandboxState, from: string, to: string): boolean {
  return state.tollFreeOptOuts.has(blockKey(from, to));
}

function blockKey(from: string, to: string): string {
  return `${from}>${to}`;
}
