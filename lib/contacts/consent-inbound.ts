import "server-only";
import { randomUUID } from "node:crypto";
import { classifyKeyword } from "@/lib/bandwidth/consent-keywords";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import type { Sql } from "@/lib/db-pool";
import { conversationIdentity } from "@/lib/conversations/conversation-key";
import { upsertConversationSql } from "@/lib/conversations/conversation-store";
import { enqueueWithSql, QUEUES } from "@/lib/jobs/queue";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import type { ConsentScope } from "@/lib/validations/consent";
import { effectiveConsentSettings } from "./consent-replies";
import { pgRunner } from "./consent-sql";
import { consentScopeOf, optOutsFor, recordConsentChange } from "./consent-store";

type InboundMessage = { id: string; ownerNumber: string; from: string; text: string };

/**
 * A customer's inbound message that is a consent keyword (STOP, START, HELP…), just stored by the
 * webhook: records the opt-out or opt-in and, for a local number, stores the automatic reply (an
 * outbound message of origin AUTOMATIC) with its send job, all in the webhook's transaction, so a
 * send right after is already refused and a crash cannot lose the reply. Called once per stored
 * message (a repeated callback stores nothing, so it never gets here twice). HELP is answered even
 * when the customer has opted out (CTIA), and the reply to STOP is the one message an opted-out
 * number still gets. Toll-free: only recorded (Bandwidth blocks and answers at its network).
 */
export async function applyInboundKeyword(sql: Sql, message: InboundMessage): Promise<ChangeNotice[]> {
  const keyword = classifyKeyword(message.text);
  if (!keyword || message.from === message.ownerNumber) return [];
  const { rows } = await sql.query<AccountRow>(ACCOUNT_SQL, [message.ownerNumber]);
  const account = rows[0];
  if (!account) return [];
  const notices: ChangeNotice[] = [];
  if (keyword !== "help") {
    const recorded = await recordConsentChange(pgRunner(sql), {
      phoneNumber: message.from,
      accountId: account.id,
      scope: account.consent_scope,
      ourNumber: message.ownerNumber,
      action: keyword,
      source: "keyword",
      reason: null,
      userId: null,
      messageId: message.id,
    });
    notices.push(...recorded.notices);
  }
  if (account.toll_free || isTollFreeNumber(message.ownerNumber)) return notices;
  const settings = effectiveConsentSettings({
    name: account.name,
    consentScope: account.consent_scope,
    optOutReply: account.opt_out_reply,
    optInReply: account.opt_in_reply,
    helpReply: account.help_reply,
  });
  const text = { opt_out: settings.optOutReply, opt_in: settings.optInReply, help: settings.helpReply }[keyword];
  notices.push(await storeAutomaticReply(sql, message.ownerNumber, message.from, text));
  return notices;
}

/** An automatic message to one customer, queued exactly as an agent's send is (send-job.ts sends it). */
async function storeAutomaticReply(sql: Sql, from: string, to: string, text: string): Promise<ChangeNotice> {
  const id = randomUUID();
  const identity = conversationIdentity(from, [to]);
  const { rows } = await sql.query<{ conversation_id: string }>(REPLY_SQL, [
    identity.ownerNumber,
    identity.participants,
    identity.participantsKey,
    identity.isGroup,
    id,
    to,
    text,
  ]);
  const conversationId = rows[0]?.conversation_id;
  if (!conversationId) throw new Error("automatic reply not stored");
  await enqueueWithSql(sql, QUEUES.send, { messageId: id });
  return { kind: "message.created", conversationId, messageId: id };
}

type AccountRow = {
  id: string;
  name: string;
  consent_scope: ConsentScope;
  opt_out_reply: string | null;
  opt_in_reply: string | null;
  help_reply: string | null;
  toll_free: boolean;
};

const ACCOUNT_SQL = `
SELECT b.id::text AS id, b.name, b.consent_scope::text AS consent_scope, b.opt_out_reply, b.opt_in_reply, b.help_reply, p.toll_free
FROM phone_numbers p JOIN bandwidth_applications a ON a.id = p.application_id JOIN bandwidth_accounts b ON b.id = a.account_id
WHERE p.e164 = $1`;

const REPLY_SQL = `
WITH conv AS (
  ${upsertConversationSql({ owner: "$1", participants: "$2", key: "$3", isGroup: "$4", at: "now()", lastMessageId: "$5" })}
), msg AS (
  INSERT INTO messages (id, conversation_id, direction, origin, "from", "to", text, tag, status, created_at, updated_at)
  SELECT $5::uuid, conv.id, 'OUTBOUND', 'AUTOMATIC', $1, ARRAY[$6]::text[], $7, $5, 'queued', now(), now() FROM conv
  RETURNING id, conversation_id
), recipient AS (
  INSERT INTO message_recipients (message_id, phone_number, status, updated_at) SELECT id, $6, 'queued', now() FROM msg
)
SELECT conversation_id::text AS conversation_id FROM msg`;

/** Bandwidth's error for a recipient who opted out (at the carrier, or Bandwidth's toll-free block). */
export const CARRIER_OPT_OUT_ERROR = 4775;

/**
 * A delivery failed with error 4775: the recipient opted out at the carrier. Recorded (source
 * carrier, the failed message named) unless they are opted out already; in the webhook's transaction.
 */
export async function applyCarrierOptOut(
  sql: Sql,
  failure: { ourNumber: string; phoneNumber: string; messageId: string },
): Promise<ChangeNotice[]> {
  const run = pgRunner(sql);
  if ((await optOutsFor(run, failure.ourNumber, [failure.phoneNumber])).length > 0) return [];
  const scope = await consentScopeOf(run, failure.ourNumber);
  if (!scope) return [];
  const recorded = await recordConsentChange(run, {
    phoneNumber: failure.phoneNumber,
    accountId: scope.accountId,
    scope: scope.scope,
    ourNumber: failure.ourNumber,
    action: "opt_out",
    source: "carrier",
    reason: `Delivery failed with error ${CARRIER_OPT_OUT_ERROR} (destination rejected: the customer opted out)`,
    userId: null,
    messageId: failure.messageId,
  });
  return recorded.notices;
}
