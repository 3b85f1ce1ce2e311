import "server-only";
import { randomUUID } from "node:crypto";
import type { StatusCallback } from "@/lib/bandwidth/callback-schema";
import type { Sql } from "@/lib/db-pool";
import type { CallbackOutcome, DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { conversationIdentityOrNull, type ConversationIdentity } from "@/lib/conversations/conversation-key";
import { upsertConversationSql } from "@/lib/conversations/conversation-store";
import { applyCarrierOptOut, CARRIER_OPT_OUT_ERROR } from "@/lib/contacts/consent-inbound";
import { applicationNumbersSql, NOT_THIS_APPLICATIONS } from "./application-numbers";
import { summariseStatus } from "./delivery-status";
import { statusOfEvent, transition } from "./status-transition";

type StatusResult = {
  outcome: CallbackOutcome;
  reason: string | null;
  notices: ChangeNotice[];
  deferTag?: string;
};

export type LockedMessage = {
  id: string;
  conversationId: string;
  bandwidthMessageId: string | null;
  recipients: Array<{ p: string; s: DeliveryStatus }>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Checks that the sender (`from`: our number; the spec's own examples set `owner` to the recipient on
// some statuses, so it is not relied on) is a number of the application in the URL, finds and locks the message the
// event is about among that application's messages — by Bandwidth's id, else by our tag (our message
// id), so a status that beats the send's 202 still finds its message — and claims the event's key.
// An event naming someone else's message, by id or by tag, is rejected (and not claimed).
const CLAIM_AND_LOCK_SQL = `
WITH numbers AS (${applicationNumbersSql("$4")}
), m AS (
  SELECT id, conversation_id, bandwidth_message_id FROM messages
  WHERE direction = 'OUTBOUND' AND "from" IN (SELECT e164 FROM numbers)
    AND (bandwidth_message_id = $2 OR (id = $3::uuid AND (bandwidth_message_id IS NULL OR bandwidth_message_id = $2)))
  LIMIT 1 FOR UPDATE
), verdict AS (
  SELECT CASE
    WHEN $5 NOT IN (SELECT e164 FROM numbers) THEN 'message.from ${NOT_THIS_APPLICATIONS}'
    WHEN EXISTS (SELECT 1 FROM m) THEN NULL
    WHEN EXISTS (SELECT 1 FROM messages WHERE bandwidth_message_id = $2) THEN 'message.id is the id of a message this application did not send'
    WHEN EXISTS (SELECT 1 FROM messages WHERE id = $3::uuid AND "from" NOT IN (SELECT e164 FROM numbers)) THEN 'message.tag names a message this application did not send'
  END AS rejection
), claim AS (
  INSERT INTO callback_dedupe (dedupe_key) SELECT $1 FROM verdict WHERE rejection IS NULL ON CONFLICT DO NOTHING RETURNING 1
)
SELECT (SELECT rejection FROM verdict) AS rejection, EXISTS (SELECT 1 FROM claim) AS fresh, m.id::text AS id,
  m.conversation_id::text AS conversation_id, m.bandwidth_message_id,
  (SELECT coalesce(json_agg(json_build_object('p', r.phone_number, 's', r.status)), '[]'::json) FROM message_recipients r WHERE r.message_id = m.id) AS recipients
FROM (SELECT 1) AS one LEFT JOIN m ON true`;

type Claim =
  | { rejection: string; fresh: false; message: null }
  | { rejection: null; fresh: boolean; message: LockedMessage | null };

/**
 * Claims a status event for the application `applicationId` (Bandwidth's id) and finds its message.
 * `rejection` says why the event is not this application's to apply; `fresh` is false for a repeat
 * (then nothing is locked or changed).
 */
export async function claimStatusEvent(
  sql: Sql,
  applicationId: string,
  event: StatusCallback,
  dedupeKey: string,
): Promise<Claim> {
  const tag = event.message.tag && UUID.test(event.message.tag) ? event.message.tag : null;
  const { rows } = await sql.query<{
    rejection: string | null;
    fresh: boolean;
    id: string | null;
    conversation_id: string;
    bandwidth_message_id: string | null;
    recipients: LockedMessage["recipients"];
  }>({
    name: "ingest-status-claim",
    text: CLAIM_AND_LOCK_SQL,
    values: [dedupeKey, event.message.id, tag, applicationId, event.message.from],
  });
  const row = rows[0];
  if (row?.rejection) return { rejection: row.rejection, fresh: false, message: null };
  if (!row?.fresh) return { rejection: null, fresh: false, message: null };
  if (!row.id) return { rejection: null, fresh: true, message: null };
  return {
    rejection: null,
    fresh: true,
    message: {
      id: row.id,
      conversationId: row.conversation_id,
      bandwidthMessageId: row.bandwidth_message_id,
      recipients: row.recipients,
    },
  };
}

/**
 * A claimed status event → the status of the recipient it names (the outer `to`), forward only.
 * A tag that claims to be ours but matches nothing is deferred; anything else unknown is a message
 * sent outside Switchboard, recorded as such.
 */
export async function applyStatusEvent(
  sql: Sql,
  event: StatusCallback,
  message: LockedMessage | null,
): Promise<StatusResult> {
  if (!message) {
    const tag = event.message.tag;
    if (tag && UUID.test(tag))
      return { outcome: "deferred", reason: "no message with this tag yet", notices: [], deferTag: tag };
    const identity = conversationIdentityOrNull(event.message.from, event.message.to);
    if (!identity) return { outcome: "rejected", reason: "no recipient besides message.from", notices: [] };
    return applyToMessage(sql, await createExternalMessage(sql, event, identity), event);
  }
  return applyToMessage(sql, message, event);
}

const APPLY_SQL = `
WITH recipient AS (
  INSERT INTO message_recipients (message_id, phone_number, status, error_code, error_description, status_at, carrier_name, updated_at)
  VALUES ($1::uuid, $2, $3::"DeliveryStatus", $4, $5, $6, $11, now())
  ON CONFLICT (message_id, phone_number) DO UPDATE SET status = EXCLUDED.status, error_code = EXCLUDED.error_code,
    error_description = EXCLUDED.error_description, status_at = EXCLUDED.status_at,
    carrier_name = coalesce(EXCLUDED.carrier_name, message_recipients.carrier_name), updated_at = now()
)
UPDATE messages SET status = $7::"DeliveryStatus", bandwidth_message_id = coalesce(bandwidth_message_id, $8), segment_count = coalesce($9, segment_count),
  error_detail = CASE WHEN $10 THEN NULL ELSE error_detail END, updated_at = now()
WHERE id = $1::uuid`;

export async function applyToMessage(sql: Sql, message: LockedMessage, event: StatusCallback): Promise<StatusResult> {
  const incoming = statusOfEvent(event.type);
  const current = message.recipients.find((recipient) => recipient.p === event.to)?.s ?? "queued";
  const verdict = transition(current, incoming);
  if (!verdict.change) return { outcome: verdict.outcome, reason: verdict.reason, notices: [] };
  const recipients = [
    ...message.recipients.filter((recipient) => recipient.p !== event.to),
    { p: event.to, s: incoming },
  ];
  const failed = incoming === "failed";
  await sql.query({
    name: "ingest-status-apply",
    text: APPLY_SQL,
    values: [
      message.id,
      event.to,
      incoming,
      failed ? (event.errorCode ?? null) : null,
      failed ? (event.description ?? null) : null,
      new Date(event.time),
      summariseStatus(recipients.map((recipient) => ({ status: recipient.s }))),
      event.message.id,
      event.message.segmentCount ?? null,
      recipients.every((recipient) => recipient.s !== "unconfirmed"),
      // The carrier the recipient's number is with, when the callback names it (for the reports).
      event.carrierName ?? null,
    ],
  });
  message.recipients = recipients; // later events of the same batch see this one
  const optedOut =
    failed && event.errorCode === CARRIER_OPT_OUT_ERROR
      ? await applyCarrierOptOut(sql, { ourNumber: event.message.from, phoneNumber: event.to, messageId: message.id })
      : [];
  return {
    outcome: "applied",
    reason: null,
    notices: [{ kind: "message.updated", conversationId: message.conversationId, messageId: message.id }, ...optedOut],
  };
}

const EXTERNAL_SQL = `
WITH conv AS (
  ${upsertConversationSql({ owner: "$1", participants: "$2", key: "$3", isGroup: "$4", at: "LEAST($5::timestamptz, now())", lastMessageId: "$6" })}
), msg AS (
  INSERT INTO messages (id, conversation_id, direction, origin, bandwidth_message_id, "from", "to", text, tag, segment_count, status, message_time, accepted_at, created_at, updated_at)
  SELECT $6::uuid, conv.id, 'OUTBOUND', 'EXTERNAL', $7, $8, $9::text[], $10, $11, $12, 'accepted', $5, LEAST($5::timestamptz, now()), LEAST($5::timestamptz, now()), now() FROM conv
  RETURNING id, conversation_id
), recipients AS (
  INSERT INTO message_recipients (message_id, phone_number, status, status_at, updated_at)
  SELECT msg.id, number, 'accepted', LEAST($5::timestamptz, now()), now() FROM msg, (SELECT DISTINCT unnest($9::text[]) AS number) AS numbers
)
SELECT conversation_id::text AS conversation_id FROM msg`;

/**
 * A message sent from one of our numbers outside Switchboard, known only from its callbacks. Its
 * `time` is kept as message_time; what orders it is clamped to now, as for inbound messages.
 */
async function createExternalMessage(
  sql: Sql,
  event: StatusCallback,
  identity: ConversationIdentity,
): Promise<LockedMessage> {
  const { message } = event;
  const id = randomUUID();
  const at = new Date(message.time);
  const { rows } = await sql.query<{ conversation_id: string }>(EXTERNAL_SQL, [
    identity.ownerNumber,
    identity.participants,
    identity.participantsKey,
    identity.isGroup,
    at,
    id,
    message.id,
    message.from,
    message.to,
    message.text ?? "",
    message.tag ?? null,
    message.segmentCount ?? null,
  ]);
  const conversationId = rows[0]?.conversation_id;
  if (!conversationId) throw new Error("external message was not stored");
  return {
    id,
    conversationId,
    bandwidthMessageId: message.id,
    recipients: [...new Set(message.to)].map((p) => ({ p, s: "accepted" as const })),
  };
}
