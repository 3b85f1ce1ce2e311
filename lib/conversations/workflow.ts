import type { ActivityKind, ConversationStatus } from "@/lib/generated/prisma/enums";

// Where a conversation stands in the team's work, as pure rules: what a change asked for turns
// into (the new state and the activity entries the thread shows), what a reply or a snooze ending
// does, and the snooze choices an agent is offered. The store (./workflow-store.ts) applies them.

export type WorkflowState = { status: ConversationStatus; assigneeId: string | null; snoozedUntil: Date | null };

/** What an agent asks for (PATCH /api/conversations/{id}); absent fields stay as they are. */
export type WorkflowChange = {
  status?: ConversationStatus;
  /** Required with status "snoozed". */
  snoozedUntil?: Date;
  /** null: unassign. */
  assigneeId?: string | null;
};

export type ActivityEntry = {
  kind: ActivityKind;
  assigneeId?: string | null;
  snoozedUntil?: Date | null;
  reason?: string | null;
};

export type Planned = { ok: true; next: WorkflowState; activity: ActivityEntry[] } | { ok: false; problem: string };

/** A snooze ends at least this far ahead (a shorter one is a misclick) and at most a year. */
export const MIN_SNOOZE_MS = 60_000;
export const MAX_SNOOZE_MS = 366 * 24 * 3_600_000;

/**
 * The state a change leads to, and the entries for the thread in the order they happened
 * (assignment first, then the status). Asking for what already is records nothing.
 */
export function planChange(
  current: WorkflowState,
  change: WorkflowChange,
  now: Date,
  minSnoozeMs = MIN_SNOOZE_MS,
): Planned {
  const next: WorkflowState = { ...current };
  const activity: ActivityEntry[] = [];
  if (change.snoozedUntil !== undefined && change.status !== "snoozed")
    return { ok: false, problem: 'snoozedUntil: only with status "snoozed".' };

  if (change.assigneeId !== undefined && change.assigneeId !== current.assigneeId) {
    next.assigneeId = change.assigneeId;
    activity.push(change.assigneeId ? { kind: "assigned", assigneeId: change.assigneeId } : { kind: "unassigned" });
  }

  if (change.status === "snoozed") {
    if (!change.snoozedUntil) return { ok: false, problem: "snoozedUntil: say until when to snooze." };
    const ahead = change.snoozedUntil.getTime() - now.getTime();
    if (ahead < minSnoozeMs) return { ok: false, problem: "snoozedUntil: choose a time in the future." };
    if (ahead > MAX_SNOOZE_MS) return { ok: false, problem: "snoozedUntil: snooze for at most a year." };
    if (current.status !== "snoozed" || current.snoozedUntil?.getTime() !== change.snoozedUntil.getTime()) {
      next.status = "snoozed";
      next.snoozedUntil = change.snoozedUntil;
      activity.push({ kind: "snoozed", snoozedUntil: change.snoozedUntil });
    }
  } else if (change.status !== undefined && change.status !== current.status) {
    next.status = change.status;
    next.snoozedUntil = null;
    activity.push({ kind: change.status === "closed" ? "closed" : "reopened" });
  }
  return { ok: true, next, activity };
}

/** An agent who replies to an unassigned conversation becomes its assignee. */
export function assignOnReply(current: Pick<WorkflowState, "assigneeId">, senderId: string): ActivityEntry | null {
  return current.assigneeId === null ? { kind: "assigned", assigneeId: senderId, reason: "reply" } : null;
}

/**
 * A snooze job fires: it reopens only the snooze it was scheduled for (a later snooze, a reopen by
 * a customer's message or a close since then each win).
 */
export function wakeFromSnooze(current: WorkflowState, scheduledUntil: Date): ActivityEntry | null {
  if (current.status !== "snoozed" || current.snoozedUntil?.getTime() !== scheduledUntil.getTime()) return null;
  return { kind: "reopened", reason: "snooze ended" };
}

export type SnoozePreset = { id: "later-today" | "tomorrow" | "next-week"; label: string; until: Date };

/**
 * The snooze choices, in the agent's own time zone (the browser's `now`): in 3 hours ("Later today"
 * while that is still today, "In 3 hours" late in the evening), the next 9:00 in the morning
 * ("Tomorrow morning", or "This morning" before 6:00) and next week (Monday 9:00).
 */
export function snoozePresets(now: Date): SnoozePreset[] {
  const laterToday = new Date(now.getTime() + 3 * 3_600_000);
  const sameDay = laterToday.getDate() === now.getDate();
  const earlyHours = now.getHours() < 6;
  const daysToMonday = (8 - now.getDay()) % 7 || 7;
  return [
    { id: "later-today", label: sameDay ? "Later today" : "In 3 hours", until: laterToday },
    { id: "tomorrow", label: earlyHours ? "This morning" : "Tomorrow morning", until: atNine(now, earlyHours ? 0 : 1) },
    { id: "next-week", label: "Next week", until: atNine(now, daysToMonday) },
  ];
}

function atNine(now: Date, daysAhead: number): Date {
  const date = new Date(now);
  date.setDate(date.getDate() + daysAhead);
  date.setHours(9, 0, 0, 0);
  return date;
}
