import "server-only";
import type { Actor, ConversationScope } from "@/lib/auth/policies";
import { labelsFor } from "@/lib/contacts/contact-labels";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ConversationStatus, DeliveryStatus } from "@/lib/generated/prisma/enums";
import {
  toConversationHeader,
  toConversationListItem,
  type ConversationCounts,
  type ConversationHeader,
  type ConversationPage,
} from "@/lib/validations/conversation-view";
import type { ConversationView, ListConversationsQuery } from "@/lib/validations/conversations";
import { decodeCursor, encodeCursor } from "./cursor";
import { mayView, viewerScope } from "./viewer-scope";

type ListRow = {
  id: string;
  owner_number: string;
  participants: string[];
  is_group: boolean;
  last_message_at: Date;
  status: ConversationStatus;
  snoozed_until: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  lm_id: string | null;
  lm_direction: "INBOUND" | "OUTBOUND" | null;
  lm_text: string | null;
  lm_status: DeliveryStatus | null;
  lm_created_at: Date | null;
  lm_has_media: boolean | null;
  unread: number;
};

/** Unread counts stop at this (the list shows "99+"-style numbers; counting further costs time). */
export const UNREAD_CAP = 100;

/**
 * The inbox's conversation list, newest activity first, for one agent (unread counts are theirs,
 * and only conversations they may see), in one of the views (Mine, Unassigned, All open, Snoozed,
 * Closed) or all of them. One query: keyset pagination on (last_message_at, id), the last message,
 * the assignee and the agent's unread count joined in. Search matches participants' numbers, their
 * names and message text.
 */
export async function listConversations(
  database: Db,
  viewer: Actor,
  options: ListConversationsQuery,
): Promise<ConversationPage> {
  const cursor = decodeCursor(options.cursor);
  const params: unknown[] = [viewer.id, options.limit + 1];
  const param = (value: unknown) => `$${params.push(value)}`;
  const filters: string[] = [];
  const scope = scopeCondition(await viewerScope(database, viewer), param);
  if (scope) filters.push(scope);
  if (options.view) filters.push(viewCondition(options.view));
  if (options.ownerNumber) filters.push(`c.owner_number = ${param(options.ownerNumber)}`);
  if (cursor) filters.push(`(c.last_message_at, c.id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`);
  if (options.q) filters.push(searchCondition(options.q, param));
  const rows = await database.$queryRawUnsafe<ListRow[]>(
    `SELECT c.id::text, c.owner_number, c.participants, c.is_group, c.last_message_at,
            c.status, c.snoozed_until, c.assignee_id::text, a.name AS assignee_name,
            lm.id::text AS lm_id, lm.direction::text AS lm_direction, lm.text AS lm_text, lm.status::text AS lm_status, lm.created_at AS lm_created_at,
            EXISTS (SELECT 1 FROM media WHERE media.message_id = lm.id) AS lm_has_media,
            (SELECT count(*) FROM (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'INBOUND'
               AND m.created_at > coalesce(r.last_read_at, '-infinity'::timestamptz) LIMIT ${UNREAD_CAP}) AS u)::int AS unread
     FROM conversations c
     LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = $1::uuid
     LEFT JOIN messages lm ON lm.id = c.last_message_id
     LEFT JOIN users a ON a.id = c.assignee_id
     ${filters.length ? `WHERE ${filters.join(" AND ")}` : ""}
     ORDER BY c.last_message_at DESC, c.id DESC
     LIMIT $2`,
    ...params,
  );
  const page = rows.slice(0, options.limit);
  const labels = await labelsFor(
    database,
    page.flatMap((row) => row.participants),
  );
  const last = page[page.length - 1];
  return {
    conversations: page.map((row) => toConversationListItem(fromListRow(row), labels)),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ at: last.last_message_at, id: last.id }) : null,
  };
}

/**
 * How many conversations each view holds for this viewer (on one of our numbers, or all they may
 * see), and how many need them: assigned to them with unread customer messages, or with a mention
 * of them they have not read. Two queries over the views' indexes.
 */
export async function countConversations(
  database: Db,
  viewer: Actor,
  options: { ownerNumber?: string },
): Promise<ConversationCounts> {
  const params: unknown[] = [viewer.id];
  const param = (value: unknown) => `$${params.push(value)}`;
  const filters: string[] = [];
  const scope = scopeCondition(await viewerScope(database, viewer), param);
  if (scope) filters.push(scope);
  if (options.ownerNumber) filters.push(`c.owner_number = ${param(options.ownerNumber)}`);
  const where = filters.length ? `AND ${filters.join(" AND ")}` : "";
  const [views, needs] = await Promise.all([
    database.$queryRawUnsafe<Array<Omit<ConversationCounts, "needsYou" | "unreadMentions">>>(
      `SELECT count(*) FILTER (WHERE c.status = 'open' AND c.assignee_id = $1::uuid)::int AS mine,
              count(*) FILTER (WHERE c.status = 'open' AND c.assignee_id IS NULL)::int AS unassigned,
              count(*) FILTER (WHERE c.status = 'open')::int AS open,
              count(*) FILTER (WHERE c.status = 'snoozed')::int AS snoozed,
              count(*) FILTER (WHERE c.status = 'closed')::int AS closed
       FROM conversations c WHERE true ${where}`,
      ...params,
    ),
    database.$queryRawUnsafe<Array<{ needs_you: number; unread_mentions: number }>>(
      `WITH mine_unread AS (
         SELECT c.id FROM conversations c
         LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = $1::uuid
         WHERE c.assignee_id = $1::uuid AND c.status = 'open' ${where}
           AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'INBOUND'
                         AND m.created_at > coalesce(r.last_read_at, '-infinity'::timestamptz))
       ), mentioned AS (
         SELECT nm.conversation_id AS id, count(*) AS n FROM note_mentions nm
         JOIN conversations c ON c.id = nm.conversation_id
         WHERE nm.user_id = $1::uuid AND nm.read_at IS NULL ${where}
         GROUP BY nm.conversation_id
       )
       SELECT (SELECT count(*) FROM (SELECT id FROM mine_unread UNION SELECT id FROM mentioned) AS u)::int AS needs_you,
              (SELECT coalesce(sum(n), 0) FROM mentioned)::int AS unread_mentions`,
      ...params,
    ),
  ]);
  const counts = views[0] ?? { mine: 0, unassigned: 0, open: 0, snoozed: 0, closed: 0 };
  return { ...counts, needsYou: needs[0]?.needs_you ?? 0, unreadMentions: needs[0]?.unread_mentions ?? 0 };
}

/** The conversation if it exists and the viewer may see it; 404 otherwise (no hint which). */
export async function findViewableConversation(database: Db, viewer: Actor, conversationId: string) {
  const row = await database.conversation.findUnique({ where: { id: conversationId } });
  if (!row || !(await mayView(database, viewer, row))) throw notFound("No conversation with that id.");
  return row;
}

/** Whether the conversation exists and the viewer may see it (for pages that answer 404). */
export async function isViewableConversation(database: Db, viewer: Actor, conversationId: string): Promise<boolean> {
  const row = await database.conversation.findUnique({ where: { id: conversationId }, select: { ownerNumber: true } });
  return row !== null && (await mayView(database, viewer, row));
}

/** One conversation's header (participants named), for a viewer who may see it; 404 otherwise. */
export async function getConversation(
  database: Db,
  viewer: Actor,
  conversationId: string,
): Promise<ConversationHeader> {
  const row = await findViewableConversation(database, viewer, conversationId);
  const assignee = row.assigneeId
    ? await database.user.findUnique({ where: { id: row.assigneeId }, select: { id: true, name: true } })
    : null;
  return toConversationHeader({ ...row, assignee }, await labelsFor(database, row.participants));
}

/** A view as a WHERE condition on `c` ($1 is the viewer's id). */
function viewCondition(view: ConversationView): string {
  switch (view) {
    case "mine":
      return "c.status = 'open' AND c.assignee_id = $1::uuid";
    case "unassigned":
      return "c.status = 'open' AND c.assignee_id IS NULL";
    case "open":
      return "c.status = 'open'";
    case "snoozed":
      return "c.status = 'snoozed'";
    case "closed":
      return "c.status = 'closed'";
  }
}

/** The scope as a WHERE condition on `c` (null: no restriction). */
function scopeCondition(scope: ConversationScope, param: (value: unknown) => string): string | null {
  if (scope.kind === "all") return null;
  if (scope.kind === "none") return "false";
  return `c.owner_number = ANY(${param(scope.numbers)}::text[])`;
}

/** Numbers (3+ digits), names agents gave, and message text; LIKE wildcards in `q` are literal. */
function searchCondition(q: string, param: (value: unknown) => string): string {
  const like = `%${q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  const digits = q.replace(/\D/g, "");
  const pattern = param(like);
  return `(${digits.length >= 3 ? `c.participants_key LIKE ${param(`%${digits}%`)} OR ` : ""}
    c.participants && ARRAY(SELECT phone_number FROM contact_labels WHERE name ILIKE ${pattern} LIMIT 200) OR
    c.id IN (SELECT conversation_id FROM messages WHERE text ILIKE ${pattern}))`;
}

function fromListRow(row: ListRow) {
  const lastMessage =
    row.lm_id && row.lm_direction && row.lm_status && row.lm_created_at
      ? {
          id: row.lm_id,
          direction: row.lm_direction,
          text: row.lm_text ?? "",
          hasMedia: row.lm_has_media ?? false,
          status: row.lm_status,
          createdAt: row.lm_created_at,
        }
      : null;
  return {
    id: row.id,
    ownerNumber: row.owner_number,
    isGroup: row.is_group,
    participants: row.participants,
    lastMessageAt: row.last_message_at,
    lastMessage,
    unread: row.unread,
    status: row.status,
    snoozedUntil: row.snoozed_until,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? "" } : null,
  };
}
