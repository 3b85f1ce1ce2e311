import type { PresenceState } from "@/lib/generated/prisma/enums";

// Who else is on a conversation, as GET /api/conversations/{id}/presence returns it and the header
// words it. Pure: the server collapses rows with these, the browser words them and times its
// announcements by the same numbers.

/** A tab's row counts this long after its last announcement (then it has lapsed by itself). */
export const PRESENCE_TTL_SECONDS = 30;
/** A tab renews its row this often: a renewal or two may be lost before it lapses for others. */
export const PRESENCE_RENEW_MS = 10_000;
/** Others refetch who is here this often (besides on notices), so a lapsed row leaves their screen. */
export const PRESENCE_REFRESH_MS = 10_000;
/** "Replying…" turns back into "viewing" after this long without input. */
export const TYPING_IDLE_MS = 5_000;

export type PresenceEntry = { userId: string; name: string; state: PresenceState };

/** What others see of a user: typing in any of their tabs wins over viewing; no tabs, nothing. */
export function strongestState(states: readonly PresenceState[]): PresenceState | null {
  if (states.includes("typing")) return "typing";
  return states.length > 0 ? "viewing" : null;
}

/** One entry per user (their tabs' rows collapsed), those replying first, then by name. */
export function collapsePresence(rows: readonly PresenceEntry[]): PresenceEntry[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const row of rows) {
    const seen = byUser.get(row.userId);
    const state = strongestState(seen ? [seen.state, row.state] : [row.state]) ?? row.state;
    byUser.set(row.userId, { userId: row.userId, name: row.name, state });
  }
  return [...byUser.values()].sort(
    (a, b) => Number(b.state === "typing") - Number(a.state === "typing") || a.name.localeCompare(b.name),
  );
}

/**
 * The header's words: "Sam is replying…", "Sam and Robin are viewing", "Sam is replying… · Robin
 * is viewing"; null when nobody else is here. First names, unless two present share one.
 */
export function presenceSentence(entries: readonly PresenceEntry[]): string | null {
  const names = displayNames(entries);
  const typing = entries.filter((entry) => entry.state === "typing").map((entry) => names.get(entry.userId) ?? "");
  const viewing = entries.filter((entry) => entry.state === "viewing").map((entry) => names.get(entry.userId) ?? "");
  const parts = [
    typing.length ? `${listOf(typing)} ${typing.length === 1 ? "is" : "are"} replying…` : null,
    viewing.length ? `${listOf(viewing)} ${viewing.length === 1 ? "is" : "are"} viewing` : null,
  ].filter((part) => part !== null);
  return parts.length ? parts.join(" · ") : null;
}

/** "Sam", "Sam and Robin", "Sam, Robin and Alex", "Sam, Robin and 2 others". */
function listOf(names: readonly string[]): string {
  if (names.length <= 2) return names.join(" and ");
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} others`;
}

function displayNames(entries: readonly PresenceEntry[]): Map<string, string> {
  const first = (name: string) => name.trim().split(/\s+/)[0] || "Someone";
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(first(entry.name), (counts.get(first(entry.name)) ?? 0) + 1);
  return new Map(
    entries.map((entry) => {
      const short = first(entry.name);
      return [entry.userId, (counts.get(short) ?? 0) > 1 ? entry.name.trim() : short];
    }),
  );
}
