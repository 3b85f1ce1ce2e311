import "server-only";
import { isInScope, type Actor, type ConversationScope } from "@/lib/auth/policies";
import { labelsFor } from "@/lib/contacts/contact-labels";
import { prismaRunner } from "@/lib/contacts/consent-sql";
import { optOutsFor } from "@/lib/contacts/consent-store";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ConversationStatus, DeliveryStatus, MessageOrigin } from "@/lib/generated/prisma/enums";
import type { DeliveryTally } from "@/lib/messaging/delivery-status";
import {
  toConversationHeader,
  toConversationListItem,
  type ConversationCounts,
  type ConversationHeader,
  type ConversationPage,
  type Labels,
} from "@/lib/validations/conversation-view";
import type { ConversationView, ListConversationsQuery } from "@/lib/validations/conversations";
import { numberAccessSelect, senderProblem, toNumberAccess } from "@/lib/messaging/send/sender-numbers";
import { groupFromTollFreeProblem } from "@/lib/validations/send-message";
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
  lm_origin: MessageOrigin | null;
  lm_missed_callback: boolean | null;
  lm_media: Array<{ fileName: string; contentType: string | null }> | null;
  lm_tally: DeliveryTally | null;
  unread: number;
  opted_out: boolean;
};

// Whether any participant is opted out of our number's account or of our number: a probe of the
// opt-outs' primary key (phone_number, account_id, our_number) per participant.
const OPTED_OUT_SQL = `EXISTS (SELECT 1 FROM consent_opt_outs o
  WHERE o.phone_number = ANY (c.participants) AND o.our_number IN ('', c.owner_number)
    AND o.account_id = (SELECT ap.account_id FROM phone_numbers p JOIN bandwidth_applications ap ON ap.id = p.application_id WHERE p.e164 = c.owner_number))`;

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
            lm.origin::text AS lm_origin, lm.missed_callback AS lm_missed_callback,
            (SELECT json_agg(json_build_object('fileName', file_name, 'contentType', content_type) ORDER BY position)
               FROM media WHERE media.message_id = lm.id) AS lm_media,
            (SELECT json_build_object('total', count(*), 'delivered', count(*) FILTER (WHERE status = 'delivered'),
                    'failed', count(*) FILTER (WHERE status IN ('failed', 'unconfirmed')))
               FROM message_recipients WHERE message_id = lm.id) AS lm_tally,
            (SELECT count(*) FROM (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.direction = 'INBOUND' AND NOT m.from_our_line
               AND m.created_at > coalesce(r.last_read_at, '-infinity'::timestamptz) LIMIT ${UNREAD_CAP}) AS u)::int AS unread,
            ${OPTED_OUT_SQL} AS opted_out
     FROM conversations c
     LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = $1::uuid
     LEFT JOIN messages lm ON lm.id = c.last_message_id
     LEFT JOIN users a ON a.id = c.assignee_id
     ${filters.length ? `WHERE ${filters.join(" AND ")}` : ""}
     ORDER BY ${viewOrder(options.view)}
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

/** View counts stop at this (the sidebar shows "999+"); counting a large archive exactly costs time. */
export const VIEW_COUNT_CAP = 1_000;

/**
 * How many conversations each view holds for this viewer (on one of our numbers, or all they may
 * see), each up to VIEW_COUNT_CAP, and how many need them: assigned to them with unread customer
 * messages (`last_inbound_at` after their last read), or with a mention of them they have not
 * read. One query; each count walks its view's index (the ORDER BY says which) and stops at the cap.
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
  const where = filters.map((filter) => ` AND ${filter}`).join("");
  // The ORDER BY names the index each count walks: on one number, that number's own.
  const order = (view: ConversationView) =>
    options.ownerNumber
      ? "c.owner_number, c.status, c.assignee_id"
      : view === "mine" || view === "unassigned"
        ? "c.assignee_id, c.status"
        : "c.status, c.assignee_id";
  const capped = (view: ConversationView) =>
    `(SELECT count(*) FROM (SELECT 1 FROM conversations c WHERE ${viewCondition(view)}${where}
       ORDER BY ${order(view)}
       LIMIT ${VIEW_COUNT_CAP}) AS v)::int`;
  const rows = await database.$queryRawUnsafe<Array<ConversationCounts>>(
    `SELECT ${capped("mine")} AS mine, ${capped("unassigned")} AS unassigned, ${capped("open")} AS open,
            ${capped("snoozed")} AS snoozed, ${capped("closed")} AS closed,
            (SELECT count(*) FROM (
               SELECT c.id FROM conversations c
               LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = $1::uuid
               WHERE c.assignee_id = $1::uuid AND c.status = 'open'${where}
                 AND c.last_inbound_at > coalesce(r.last_read_at, '-infinity'::timestamptz)
               UNION
               SELECT c.id FROM note_mentions nm JOIN conversations c ON c.id = nm.conversation_id
               WHERE nm.user_id = $1::uuid AND nm.read_at IS NULL${where}
             ) AS u)::int AS "needsYou",
            (SELECT count(*) FROM note_mentions nm JOIN conversations c ON c.id = nm.conversation_id
             WHERE nm.user_id = $1::uuid AND nm.read_at IS NULL${where})::int AS "unreadMentions"`,
    ...params,
  );
  const counts = rows[0];
  if (!counts) throw new Error("counts query returned no row");
  return counts;
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
  const optedOut = await optOutsFor(prismaRunner(database), row.ownerNumber, row.participants);
  const number = await database.phoneNumber.findUnique({
    where: { e164: row.ownerNumber },
    select: numberAccessSelect,
  });
  const cannotReply =
    senderProblem(viewer, number && toNumberAccess(number), row.ownerNumber)?.message ??
    groupFromTollFreeProblem(row.ownerNumber, row.participants);
  const labels = await labelsFor(database, row.participants);
  const alsoOn = await copiesOnOurOtherLines(database, viewer, row, labels);
  return toConversationHeader({ ...row, assignee, optedOut, cannotReply, alsoOn }, labels);
}

/**
 * A group text that reached two of our numbers is stored once per number: the copies of this one
 * (same people, counting our numbers among them) on our other numbers, that the viewer may see.
 */
async function copiesOnOurOtherLines(
  database: Db,
  viewer: Actor,
  row: { id: string; ownerNumber: string; participants: string[] },
  labels: Labels,
): Promise<Array<{ conversationId: string; ownerNumber: string }>> {
  const ours = row.participants.filter((number) => labels.ourLines?.has(number));
  if (ours.length === 0) return [];
  const everyone = [...row.participants, row.ownerNumber].sort();
  const copies = await database.$queryRaw<Array<{ id: string; owner_number: string }>>`
    SELECT c.id::text, c.owner_number FROM conversations c
    WHERE c.owner_number = ANY(${ours}::text[]) AND c.id <> ${row.id}::uuid
      AND (SELECT array_agg(x ORDER BY x) FROM unnest(c.participants || c.owner_number) AS x) = ${everyone}::text[]`;
  const scope = await viewerScope(database, viewer);
  return copies
    .filter((copy) => isInScope(scope, { ownerNumber: copy.owner_number }))
    .map((copy) => ({ conversationId: copy.id, ownerNumber: copy.owner_number }));
}

/**
 * The list's order for a view, spelled so PostgreSQL walks the view's index in order: leading with
 * the columns the view fixes changes nothing (every row shares them) but lets `unassigned` (IS NULL)
 * use the index instead of filtering the whole recency index.
 */
function viewOrder(view: ConversationView | undefined): string {
  const recency = "c.last_message_at DESC, c.id DESC";
  if (view === "mine" || view === "unassigned") return `c.assignee_id, c.status, ${recency}`;
  return recency;
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
          origin: row.lm_origin ?? "SWITCHBOARD",
          missedCallback: row.lm_missed_callback ?? false,
          media: row.lm_media ?? [],
          tally: row.lm_tally ?? { total: 0, delivered: 0, failed: 0 },
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
    optedOut: row.opted_out,
    status: row.status,
    snoozedUntil: row.snoozed_until,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name ?? "" } : null,
  };
}
