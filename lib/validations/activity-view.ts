import type { ActivityKind } from "@/lib/generated/prisma/enums";
import type { Person } from "./conversation-view";

// A workflow entry of a conversation's thread (assigned, closed, reopened, snoozed) as our API
// returns it. Pure: the server maps rows with it and the browser takes its type from it.

export function toActivityView(row: {
  id: string;
  kind: ActivityKind;
  actor: Person | null;
  assignee: Person | null;
  snoozedUntil: Date | null;
  reason: string | null;
  createdAt: Date;
}) {
  return {
    id: row.id,
    kind: row.kind,
    actor: row.actor,
    assignee: row.assignee,
    snoozedUntil: row.snoozedUntil,
    reason: row.reason,
    createdAt: row.createdAt,
  };
}

export type ActivityView = ReturnType<typeof toActivityView>;

/**
 * The entry in words, from the point of view of `viewerId`: "Avery assigned this to Sam",
 * "You closed this", "Reopened by a new message from the customer", "Sam snoozed this until …".
 */
export function describeActivity(
  activity: Pick<ActivityView, "kind" | "actor" | "assignee" | "reason"> & { snoozedUntil: string | Date | null },
  viewerId: string,
  formatTime: (at: Date) => string,
): string {
  const who = (person: Person | null, fallback: string) =>
    person ? (person.id === viewerId ? "you" : person.name) : fallback;
  const actor = capitalise(who(activity.actor, "Switchboard"));
  switch (activity.kind) {
    case "assigned":
      if (activity.reason === "reply") return `${actor} replied and took this conversation`;
      if (activity.actor && activity.assignee && activity.actor.id === activity.assignee.id)
        return `${actor} took this conversation`;
      return `${actor} assigned this to ${who(activity.assignee, "a former teammate")}`;
    case "unassigned":
      return activity.reason === "agent deactivated"
        ? `${actor} deactivated the assignee; nobody is assigned now`
        : `${actor} unassigned this conversation`;
    case "closed":
      return `${actor} closed this conversation`;
    case "reopened":
      if (activity.reason === "customer message") return "Reopened by a new message from the customer";
      if (activity.reason === "snooze ended") return "Reopened: the snooze ended";
      return `${actor} reopened this conversation`;
    case "snoozed":
      return `${actor} snoozed this until ${activity.snoozedUntil ? formatTime(new Date(activity.snoozedUntil)) : "later"}`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
