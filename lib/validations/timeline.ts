import type { ActivityView } from "./activity-view";
import type { MessageView } from "./message-view";
import type { NoteView } from "./note-view";

// A conversation's thread is a timeline: messages, the workflow's activity (assignment, closing,
// snoozing) and the team's internal notes among them. Each item has the time it sorts by and a key
// unique across kinds.

type Timed = { id: string; createdAt: string | Date };

export type TimelineItem<M extends Timed = MessageView, A extends Timed = ActivityView, N extends Timed = NoteView> =
  | { kind: "message"; key: string; at: M["createdAt"]; message: M }
  | { kind: "activity"; key: string; at: A["createdAt"]; activity: A }
  | { kind: "note"; key: string; at: N["createdAt"]; note: N };

/**
 * Messages, activity and notes as one timeline, oldest first. Ties keep messages before what
 * followed them (activity, then notes), and each kind's given order.
 */
export function toTimeline<M extends Timed, A extends Timed, N extends Timed>(
  messages: M[],
  activity: A[] = [],
  notes: N[] = [],
): Array<TimelineItem<M, A, N>> {
  const items: Array<TimelineItem<M, A, N>> = [
    ...messages.map((message) => ({
      kind: "message" as const,
      key: `message:${message.id}`,
      at: message.createdAt,
      message,
    })),
    ...activity.map((entry) => ({
      kind: "activity" as const,
      key: `activity:${entry.id}`,
      at: entry.createdAt,
      activity: entry,
    })),
    ...notes.map((note) => ({ kind: "note" as const, key: `note:${note.id}`, at: note.createdAt, note })),
  ];
  const rank = { message: 0, activity: 1, note: 2 };
  return items
    .map((item, index) => ({ item, index, time: new Date(item.at).getTime() }))
    .sort((a, b) => a.time - b.time || rank[a.item.kind] - rank[b.item.kind] || a.index - b.index)
    .map(({ item }) => item);
}
