import type { ActivityView } from "./activity-view";
import type { MessageView } from "./message-view";

// A conversation's thread is a timeline: messages, and the workflow's activity (assignment,
// closing, snoozing) among them; notes join as another kind. Each item has the time it sorts by
// and a key unique across kinds.

type Timed = { id: string; createdAt: string | Date };

export type TimelineItem<M extends Timed = MessageView, A extends Timed = ActivityView> =
  | { kind: "message"; key: string; at: M["createdAt"]; message: M }
  | { kind: "activity"; key: string; at: A["createdAt"]; activity: A };

/** Messages and activity as one timeline, oldest first (ties keep messages before what followed them). */
export function toTimeline<M extends Timed, A extends Timed>(
  messages: M[],
  activity: A[] = [],
): Array<TimelineItem<M, A>> {
  const items: Array<TimelineItem<M, A>> = [
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
  ];
  const rank = { message: 0, activity: 1 };
  return items
    .map((item, index) => ({ item, index, time: new Date(item.at).getTime() }))
    .sort((a, b) => a.time - b.time || rank[a.item.kind] - rank[b.item.kind] || a.index - b.index)
    .map(({ item }) => item);
}
