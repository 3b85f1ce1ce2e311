import "server-only";
import type { Actor, ConversationScope } from "@/lib/auth/policies";
import { labelsFor } from "@/lib/contacts/contact-labels";
import type { Db } from "@/lib/db";
import { getNotificationSettings } from "@/lib/users/notification-settings";
import {
  FEED_LIMIT,
  feedStart,
  newestItems,
  toMentionNotification,
  toMessageNotification,
  type NotificationFeed,
} from "@/lib/validations/notification-view";
import type { NotificationSettings } from "@/lib/validations/notifications";
import { viewerScope } from "./viewer-scope";

type MessageRow = {
  message_id: string;
  conversation_id: string;
  from: string;
  text: string;
  has_media: boolean;
  participants: string[];
  is_group: boolean;
  assigned_to_viewer: boolean;
  created_at: Date;
};

type MentionRow = {
  note_id: string;
  conversation_id: string;
  author_name: string | null;
  body: string;
  participants: string[];
  created_at: Date;
};

/**
 * What the signed-in agent wants a desktop notification for since `after` (at most 15 minutes
 * back, the newest 50), as their settings say: customers' new messages in conversations assigned
 * to them or to nobody, and mentions of them in notes; only in conversations they may see (now).
 * `now` is where to ask from next; without `after`, only `now`. Read-only.
 */
export async function notificationFeed(database: Db, viewer: Actor, after?: Date): Promise<NotificationFeed> {
  const now = new Date();
  const start = feedStart(after, now);
  if (!start) return { notifications: [], now };
  const [settings, scope] = await Promise.all([
    getNotificationSettings(database, viewer.id),
    viewerScope(database, viewer),
  ]);
  if (scope.kind === "none") return { notifications: [], now };
  const [messages, mentions] = await Promise.all([
    newMessages(database, viewer.id, start, settings, scope),
    settings.mentions ? newMentions(database, viewer.id, start, scope) : [],
  ]);
  const labels = await labelsFor(database, [
    ...messages.flatMap((row) => row.participants),
    ...mentions.flatMap((row) => row.participants),
  ]);
  const items = [
    ...messages.map((row) =>
      toMessageNotification(
        {
          messageId: row.message_id,
          conversationId: row.conversation_id,
          from: row.from,
          text: row.text,
          hasMedia: row.has_media,
          participants: row.participants,
          isGroup: row.is_group,
          assignedToViewer: row.assigned_to_viewer,
          createdAt: row.created_at,
        },
        labels,
      ),
    ),
    ...mentions.map((row) =>
      toMentionNotification(
        {
          noteId: row.note_id,
          conversationId: row.conversation_id,
          authorName: row.author_name,
          body: row.body,
          participants: row.participants,
          createdAt: row.created_at,
        },
        labels,
      ),
    ),
  ];
  return { notifications: newestItems(items), now };
}

/**
 * Customers' messages since `start` in conversations assigned to the viewer or to nobody (as the
 * settings ask). By the conversations' last-message index first: a conversation's last_message_at
 * is never older than its messages.
 */
async function newMessages(
  database: Db,
  viewerId: string,
  start: Date,
  settings: NotificationSettings,
  scope: ConversationScope,
): Promise<MessageRow[]> {
  const params: unknown[] = [start];
  const param = (value: unknown) => `$${params.push(value)}`;
  const owners = [
    ...(settings.assigned ? [`c.assignee_id = ${param(viewerId)}::uuid`] : []),
    ...(settings.unassigned ? ["c.assignee_id IS NULL"] : []),
  ];
  if (owners.length === 0) return [];
  return database.$queryRawUnsafe<MessageRow[]>(
    `SELECT m.id::text AS message_id, c.id::text AS conversation_id, m."from", m.text,
            EXISTS (SELECT 1 FROM media WHERE media.message_id = m.id) AS has_media,
            c.participants, c.is_group, (c.assignee_id IS NOT NULL) AS assigned_to_viewer, m.created_at
     FROM conversations c
     JOIN messages m ON m.conversation_id = c.id AND m.direction = 'INBOUND' AND NOT m.from_our_line
       AND m.created_at > $1::timestamptz
     WHERE c.last_message_at > $1::timestamptz AND (${owners.join(" OR ")}) ${scopeCondition(scope, param)}
     ORDER BY m.created_at DESC, m.id DESC
     LIMIT ${FEED_LIMIT}`,
    ...params,
  );
}

/**
 * Mentions of the viewer since `start`. By the (user, read) index: a mention that new is unread
 * or was read after `start`.
 */
async function newMentions(database: Db, viewerId: string, start: Date, scope: ConversationScope) {
  const params: unknown[] = [viewerId, start];
  const param = (value: unknown) => `$${params.push(value)}`;
  return database.$queryRawUnsafe<MentionRow[]>(
    `SELECT n.id::text AS note_id, c.id::text AS conversation_id, a.name AS author_name, n.body,
            c.participants, nm.created_at
     FROM note_mentions nm
     JOIN conversation_notes n ON n.id = nm.note_id
     JOIN conversations c ON c.id = nm.conversation_id
     LEFT JOIN users a ON a.id = n.author_id
     WHERE nm.user_id = $1::uuid AND (nm.read_at IS NULL OR nm.read_at > $2::timestamptz)
       AND nm.created_at > $2::timestamptz ${scopeCondition(scope, param)}
     ORDER BY nm.created_at DESC, n.id DESC
     LIMIT ${FEED_LIMIT}`,
    ...params,
  );
}

/** The scope as a condition on `c` ("none" never gets here). */
function scopeCondition(scope: ConversationScope, param: (value: unknown) => string): string {
  return scope.kind === "numbers" ? `AND c.owner_number = ANY(${param(scope.numbers)}::text[])` : "";
}
