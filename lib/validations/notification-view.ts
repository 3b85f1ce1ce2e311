import { titleOf, type Labels } from "./conversation-view";

// The desktop notification feed (GET /api/notifications) as our API returns it: each item ready to
// show (title, body), with what the browser needs to dedupe it (tag) and open it (url). Pure: the
// server builds items with these and the browser takes its types from them.

/** How far back the feed looks at most, and how many items it returns at most (the newest). */
export const FEED_WINDOW_MS = 15 * 60_000;
export const FEED_LIMIT = 50;
const PREVIEW_LENGTH = 140;

/** Where the feed starts: `after`, but not more than the window back nor later than now; null without `after`. */
export function feedStart(after: Date | undefined, now: Date): Date | null {
  if (!after) return null;
  const earliest = now.getTime() - FEED_WINDOW_MS;
  return new Date(Math.min(now.getTime(), Math.max(earliest, after.getTime())));
}

/** A customer's new message in a conversation the agent wants to hear of. */
export function toMessageNotification(
  row: {
    messageId: string;
    conversationId: string;
    from: string;
    text: string;
    hasMedia: boolean;
    participants: string[];
    isGroup: boolean;
    assignedToViewer: boolean;
    createdAt: Date;
  },
  labels: Labels,
) {
  const text = preview(row.text) || (row.hasMedia ? "Sent an attachment" : "Sent an empty message");
  return {
    id: `message:${row.messageId}`,
    kind: "message" as const,
    conversationId: row.conversationId,
    title: `${titleOf(row.participants, labels)}${row.assignedToViewer ? "" : " · unassigned"}`,
    body: row.isGroup ? `${titleOf([row.from], labels)}: ${text}` : text,
    /** One notification per conversation: a newer message replaces the older one's. */
    tag: `conversation:${row.conversationId}`,
    url: `/conversations/${row.conversationId}`,
    createdAt: row.createdAt,
  };
}

/** A mention of the agent in a teammate's note. */
export function toMentionNotification(
  row: {
    noteId: string;
    conversationId: string;
    authorName: string | null;
    body: string;
    participants: string[];
    createdAt: Date;
  },
  labels: Labels,
) {
  return {
    id: `mention:${row.noteId}`,
    kind: "mention" as const,
    conversationId: row.conversationId,
    title: `${row.authorName ?? "A former teammate"} mentioned you`,
    body: `${titleOf(row.participants, labels)}: ${preview(row.body)}`,
    tag: `note:${row.noteId}`,
    url: `/conversations/${row.conversationId}`,
    createdAt: row.createdAt,
  };
}

export type NotificationItem = ReturnType<typeof toMessageNotification> | ReturnType<typeof toMentionNotification>;

/** GET /api/notifications: the items, oldest first, and the server's time to ask from next. */
export type NotificationFeed = { notifications: NotificationItem[]; now: Date };

/** The newest `limit` items of both kinds, oldest first (the order to show them in). */
export function newestItems(items: NotificationItem[], limit = FEED_LIMIT): NotificationItem[] {
  return [...items]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .slice(0, limit)
    .reverse();
}

/** One line of at most PREVIEW_LENGTH characters (never half of one), whitespace collapsed, an ellipsis when cut. */
export function preview(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, " ").trim());
  if (characters.length <= PREVIEW_LENGTH) return characters.join("");
  return `${characters
    .slice(0, PREVIEW_LENGTH - 1)
    .join("")
    .trimEnd()}…`;
}
