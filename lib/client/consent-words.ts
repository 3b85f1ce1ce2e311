import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import type { ConsentHistoryEntry, OptOutView } from "@/lib/validations/consent";

/** "30 Nov 2026, 14:02": an opt-out's moment, unambiguous in any locale. */
export function formatConsentTime(iso: string): string {
  const date = new Date(iso);
  const day = date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
  const time = date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false });
  return `${day.replace(/Sept/, "Sep")}, ${time}`;
}

/** How they opted out: "by texting STOP", "by carrier report (4775)", "recorded by Sam Agent: moved away". */
export function howOptedOut(view: OptOutView, keyword?: string | null): string {
  switch (view.source) {
    case "keyword":
      return keyword ? `by texting ${keyword}` : "by texting an opt-out keyword";
    case "carrier":
      return "by carrier report (4775)";
    case "import":
      return `imported${view.byName ? ` by ${view.byName}` : ""}${view.reason ? `: ${view.reason}` : ""}`;
    case "agent":
      return `recorded by ${view.byName ?? "an agent"}${view.reason ? `: ${view.reason}` : ""}`;
  }
}

/** "(919) 555-0123 opted out on 30 Nov 2026, 14:02 by texting STOP". */
export function describeOptOut(view: OptOutView, name?: string | null, keyword?: string | null): string {
  const who = name ? `${name} (${formatPhoneNumber(view.phoneNumber)})` : formatPhoneNumber(view.phoneNumber);
  return `${who} opted out on ${formatConsentTime(view.at)} ${howOptedOut(view, keyword)}`;
}

/** "the whole account" or "(919) 555-0100 only". */
export function scopeInWords(view: Pick<OptOutView, "scope" | "ourNumber">): string {
  return view.scope === "number" && view.ourNumber
    ? `${formatPhoneNumber(view.ourNumber)} only`
    : "All numbers of the account";
}

export const SOURCE_WORDS = {
  keyword: "Keyword",
  carrier: "Carrier (4775)",
  agent: "Agent",
  import: "Import",
} as const satisfies Record<OptOutView["source"], string>;

/** A refused send in words: the server's own sentence ("Not sent: …"), prefixed when it is not. */
export const notSentInWords = (message: string) => (/^not sent\b/i.test(message) ? message : `Not sent: ${message}`);

/** One line of a number's history: "Opted back in on 1 Dec 2026, 09:10 by texting a keyword". */
export function describeHistoryEntry(entry: ConsentHistoryEntry): string {
  const what = entry.action === "opt_out" ? "Opted out" : "Opted back in";
  const how =
    entry.source === "keyword"
      ? entry.action === "opt_out"
        ? "by texting an opt-out keyword"
        : "by texting an opt-in keyword"
      : howOptedOut(entry);
  return `${what} on ${formatConsentTime(entry.at)} ${how}`;
}
