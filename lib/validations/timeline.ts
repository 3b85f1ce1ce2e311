import type { MessageView } from "./message-view";

// A conversation's thread is a timeline: messages today; notes and activity (assignment, closing)
// join as new kinds, each with the time it sorts by.

export type TimelineItem<M = MessageView> = { kind: "message"; id: string; at: M extends { createdAt: infer T } ? T : never; message: M };

/** Messages as timeline items, oldest first (the API pages newest first). */
export function messagesToTimeline<M extends { id: string; createdAt: unknown }>(messages: M[]): Array<TimelineItem<M>> {
  return messages.map((message) => ({ kind: "message" as const, id: `message:${message.id}`, at: message.createdAt as TimelineItem<M>["at"], message }));
}
