import type { MessageView } from "./message-view";

// A conversation's thread is a timeline: messages today; notes and activity (assignment, closing)
// join as new kinds, each with the time it sorts by and a key unique across kinds.

type Timed = { id: string; createdAt: string | Date };

export type TimelineItem<M extends Timed = MessageView> = {
  kind: "message";
  key: string;
  at: M["createdAt"];
  message: M;
};

/** Messages as timeline items, in the order given. */
export function messagesToTimeline<M extends Timed>(messages: M[]): Array<TimelineItem<M>> {
  return messages.map((message) => ({ kind: "message", key: `message:${message.id}`, at: message.createdAt, message }));
}
