import type { Person } from "./conversation-view";

// An internal note of a conversation's thread as our API returns it. Pure: the server maps rows
// with it and the browser takes its type from it.

export function toNoteView(row: {
  id: string;
  author: Person | null;
  body: string;
  createdAt: Date;
  mentions: Array<{ user: Person }>;
}) {
  return {
    id: row.id,
    /** Null once the author's account is gone. */
    author: row.author,
    body: row.body,
    /** The teammates it mentions (and notified), by name. */
    mentions: row.mentions.map((mention) => mention.user).sort((a, b) => a.name.localeCompare(b.name)),
    createdAt: row.createdAt,
  };
}

export type NoteView = ReturnType<typeof toNoteView>;
