import "server-only";
import { randomUUID } from "node:crypto";
import { safeText } from "@/lib/bandwidth/callback-payload";
import type { ReceivedCallback } from "@/lib/bandwidth/callback-schema";
import type { Sql } from "@/lib/db-pool";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { inboundIdentity } from "@/lib/conversations/conversation-key";
import { upsertConversationSql } from "@/lib/conversations/conversation-store";
import { applicationNumbersSql, NOT_THIS_APPLICATIONS } from "./application-numbers";
import { applyInboundKeyword } from "@/lib/contacts/consent-inbound";
import { logEvent, type LogEntry } from "./ingest-log";

// One prepared statement (planned once per connection), so one round trip: check that `owner` is a
// number of the application in the URL, claim the event's key, upsert the conversation (our number +
// everyone else), insert the message and its media, and log the raw event with its outcome. When
// the owner is not the application's (rejected), the key was taken (a repeat) or the message is
// already stored, nothing but the log row is written. Bandwidth's time is kept as message_time (and
// in the log); what orders the thread and the inbox is clamped to when it arrived, so an event dated
// 9999 cannot pin its conversation above all others. A message from one of our own numbers (a
// group text another of our lines sent) is marked from_our_line: ours, not a customer's. A message
// stored as a placeholder by the catch-up (missed_callback: its callback was thought lost) is filled
// in by its late callback: its text, tag and media, in place (no second message, no second unread).
const RECEIVED_SQL = `
WITH owned AS (
  SELECT 1 FROM (${applicationNumbersSql("$17")}) AS n WHERE n.e164 = $3
), claim AS (
  INSERT INTO callback_dedupe (dedupe_key) SELECT $1 WHERE EXISTS (SELECT 1 FROM owned) ON CONFLICT DO NOTHING RETURNING 1
), stored AS (
  SELECT id, missed_callback FROM messages WHERE bandwidth_message_id = $2
), filled AS (
  UPDATE messages SET text = $11, tag = $12, segment_count = coalesce($13, segment_count), priority = $14,
    missed_callback = false, updated_at = now()
  WHERE id = (SELECT id FROM stored WHERE missed_callback) AND EXISTS (SELECT 1 FROM claim)
  RETURNING id, conversation_id, from_our_line
), conv AS (
  ${upsertConversationSql({ owner: "$3", participants: "$4", key: "$5", isGroup: "$6", at: "LEAST($7::timestamptz, now())", lastMessageId: "$8", onlyIf: "EXISTS (SELECT 1 FROM claim) AND NOT EXISTS (SELECT 1 FROM stored)" })}
), msg AS (
  INSERT INTO messages (id, conversation_id, direction, origin, bandwidth_message_id, "from", "to", text, tag, segment_count, priority, status, message_time, created_at, updated_at, from_our_line)
  SELECT $8::uuid, conv.id, 'INBOUND', 'SWITCHBOARD', $2, $9, $10::text[], $11, $12, $13, $14, 'received', $7, LEAST($7::timestamptz, now()), now(),
    EXISTS (SELECT 1 FROM phone_numbers WHERE e164 = $9) FROM conv
  RETURNING id, conversation_id, from_our_line
), target AS (
  SELECT id, conversation_id, from_our_line FROM msg UNION ALL SELECT id, conversation_id, from_our_line FROM filled
), files AS (
  INSERT INTO media (id, message_id, position, source_url, file_name, status, created_at, updated_at)
  SELECT gen_random_uuid(), target.id, (f.ord - 1)::int, f.url, f.name, 'pending', now(), now()
  FROM target, unnest($15::text[], $16::text[]) WITH ORDINALITY AS f(url, name, ord)
  RETURNING id
), logged AS (
  INSERT INTO callback_events (application_id, request_id, position, type, bandwidth_message_id, recipient, event_time, dedupe_key, payload, outcome, reason)
  VALUES ($17, $18::uuid, $19, 'message-received', $2, $20, $21, $1, $22::jsonb,
    (CASE WHEN EXISTS (SELECT 1 FROM target) THEN 'applied' WHEN NOT EXISTS (SELECT 1 FROM owned) THEN 'rejected' ELSE 'duplicate' END)::"CallbackOutcome",
    CASE WHEN EXISTS (SELECT 1 FROM msg) THEN NULL WHEN EXISTS (SELECT 1 FROM filled) THEN 'filled in the placeholder stored from Bandwidth''s records'
      WHEN NOT EXISTS (SELECT 1 FROM owned) THEN $24
      WHEN EXISTS (SELECT 1 FROM claim) THEN 'message already stored' ELSE 'seen before' END)
)
SELECT EXISTS (SELECT 1 FROM owned) AS owned, target.id::text AS message_id, target.from_our_line, target.conversation_id::text AS conversation_id, (SELECT array_agg(id::text) FROM files) AS media_ids,
  EXISTS (SELECT 1 FROM filled) AS filled,
  CASE WHEN $23::text IS NULL THEN NULL ELSE pg_notify($23, json_build_array(json_build_object('kind', CASE WHEN EXISTS (SELECT 1 FROM filled) THEN 'message.updated' ELSE 'message.created' END, 'conversationId', target.conversation_id, 'messageId', target.id))::text) END AS notified
FROM (SELECT 1) AS one LEFT JOIN target ON true`;

/**
 * A `message-received` event → an inbound message in the conversation of our number (`owner`, which
 * must be a number of the application the event came for, else it is rejected) and everyone else on it ({from} ∪ to − owner): a group MMS lands in the group's conversation.
 * Idempotent on the event and on Bandwidth's message id. Logs the event itself. With `notifyOn`,
 * the change notice is queued by the same statement (for a request that is this one event, run
 * outside an explicit transaction: one statement is atomic, and one round trip). Returns the new
 * media rows (pending), for the caller to queue their download once this has committed.
 */
export async function ingestReceived(
  sql: Sql,
  event: ReceivedCallback,
  log: LogEntry,
  notifyOn: string | null = null,
): Promise<{ outcome: "applied" | "duplicate" | "rejected"; notices: ChangeNotice[]; mediaIds: string[] }> {
  const { message } = event;
  const identity = inboundIdentity(message.owner, message.from, message.to);
  if (!identity) {
    const facts = { type: event.type, messageId: message.id, recipient: event.to, time: new Date(event.time) };
    await logEvent(sql, log, facts, "rejected", "no participant besides message.owner");
    return { outcome: "rejected", notices: [], mediaIds: [] };
  }
  const at = new Date(message.time);
  const media = message.media ?? [];
  const { rows } = await sql.query<{
    owned: boolean;
    message_id: string | null;
    conversation_id: string | null;
    media_ids: string[] | null;
    from_our_line: boolean | null;
    filled: boolean;
  }>({
    name: "ingest-received",
    text: RECEIVED_SQL,
    values: [
      log.dedupeKey,
      message.id,
      identity.ownerNumber,
      identity.participants,
      identity.participantsKey,
      identity.isGroup,
      at,
      randomUUID(),
      message.from,
      message.to,
      message.text ?? "",
      message.tag ?? null,
      message.segmentCount ?? null,
      message.priority ?? null,
      media,
      media.map(fileNameOf),
      log.applicationId,
      log.requestId,
      log.position,
      event.to,
      new Date(event.time),
      JSON.stringify(log.payload),
      notifyOn,
      `message.owner ${NOT_THIS_APPLICATIONS}`,
    ],
  });
  const row = rows[0];
  if (!row?.owned) return { outcome: "rejected", notices: [], mediaIds: [] };
  if (!row?.message_id || !row.conversation_id) return { outcome: "duplicate", notices: [], mediaIds: [] };
  // Already announced by the statement itself when `notifyOn` was given.
  const notices: ChangeNotice[] = notifyOn
    ? []
    : [
        {
          kind: row.filled ? "message.updated" : "message.created",
          conversationId: row.conversation_id,
          messageId: row.message_id,
        },
      ];
  // A keyword is only ever applied inside the request's transaction (ingest-callbacks.ts routes it
  // there), once: only for the message this statement stored.
  // Our own group text reaching another of our numbers is no customer's keyword.
  if (!notifyOn && !row.from_our_line) {
    const text = message.text ?? "";
    notices.push(
      ...(await applyInboundKeyword(sql, {
        id: row.message_id,
        ownerNumber: identity.ownerNumber,
        from: message.from,
        text,
      })),
    );
  }
  return { outcome: "applied", notices, mediaIds: row.media_ids ?? [] };
}

function fileNameOf(url: string, position: number): string {
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).pop();
    // Decoding may bring back what the payload's cleaning took out (%00).
    return last ? safeText(decodeURIComponent(last)) : `attachment-${position + 1}`;
  } catch {
    return `attachment-${position + 1}`;
  }
}
