import { CONVERSATION_VIEWS, type ConversationView } from "@/lib/validations/conversations";
import type { ConversationCounts } from "./types";

// The list's views as the agent meets them: names, the default, the empty states, and the part of
// the address that keeps a view and the number filter across reloads and links.

export const VIEW_LABELS: Record<ConversationView, string> = {
  mine: "Mine",
  unassigned: "Unassigned",
  open: "All open",
  snoozed: "Snoozed",
  closed: "Closed",
};

/** A view named in the address, or null when it names none (or none we know). */
export function readView(value: string | null): ConversationView | null {
  return CONVERSATION_VIEWS.find((view) => view === value) ?? null;
}

/** Mine when the agent has anything of their own to do, else Unassigned. */
export function defaultView(counts: Pick<ConversationCounts, "mine">): ConversationView {
  return counts.mine > 0 ? "mine" : "unassigned";
}

/** "?view=mine&number=%2B19195550100", or "" with neither. */
export function inboxQuery(state: { view: ConversationView | null; ownerNumber: string }): string {
  const params = new URLSearchParams();
  if (state.view) params.set("view", state.view);
  if (state.ownerNumber) params.set("number", state.ownerNumber);
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** What an empty list says, in the view it is empty in. */
export function emptyViewText(view: ConversationView, filtered: boolean): string {
  if (filtered) return `Nothing in ${VIEW_LABELS[view]} matches. Clear the search or the number filter.`;
  switch (view) {
    case "mine":
      return "Nothing assigned to you. Unassigned conversations are in Unassigned.";
    case "unassigned":
      return "Every open conversation has someone on it. New ones from customers arrive here.";
    case "open":
      return "No open conversations. When a customer texts one of your numbers, it shows up here.";
    case "snoozed":
      return "Nothing snoozed. A snoozed conversation comes back to its view by itself at the time chosen.";
    case "closed":
      return "No closed conversations yet.";
  }
}
