import "server-only";
import type { ConsentAction, ConsentScope, ConsentSource, OptOutView } from "@/lib/validations/consent";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { accountOfNumberSql, type RunSql } from "./consent-sql";

export type ConsentChange = {
  phoneNumber: string;
  /** Our Bandwidth account (bandwidth_accounts.id). */
  accountId: string;
  scope: ConsentScope;
  /** For scope number: our number it covers. */
  ourNumber: string | null;
  action: ConsentAction;
  source: ConsentSource;
  reason: string | null;
  userId: string | null;
  messageId: string | null;
};

// One statement: the history row (never changed afterwards), the current state (an opt-out row
// upserted, or the opt-outs an opt-in lifts removed), the audit entry, and the conversations of
// that customer in scope (to announce). An opt-in for the whole account lifts per-number opt-outs
// too; one for a number lifts that number's and an account-wide one (the customer asked to hear
// from this number again: an account-wide block would silently keep it shut).
const RECORD_SQL = `
WITH event AS (
  INSERT INTO consent_events (id, phone_number, account_id, scope, our_number, phone_number_id, action, source, reason, user_id, message_id, created_at)
  VALUES (gen_random_uuid(), $1, $2::uuid, $3::"ConsentScope", $4,
    (SELECT id FROM phone_numbers WHERE e164 = $4), $5::"ConsentAction", $6::"ConsentSource", $7, $8::uuid, $9::uuid, now())
  RETURNING *
), opted_out AS (
  INSERT INTO consent_opt_outs (phone_number, account_id, our_number, event_id, created_at)
  SELECT phone_number, account_id, COALESCE(our_number, ''), id, created_at FROM event WHERE action = 'opt_out'
  ON CONFLICT (phone_number, account_id, our_number) DO UPDATE SET event_id = excluded.event_id, created_at = excluded.created_at
  RETURNING 1
), opted_in AS (
  DELETE FROM consent_opt_outs o USING event e
  WHERE e.action = 'opt_in' AND o.phone_number = e.phone_number AND o.account_id = e.account_id
    AND (e.scope = 'account' OR o.our_number IN ('', e.our_number))
  RETURNING 1
), audited AS (
  INSERT INTO audit_log (actor_id, action, target_type, target_id, details, created_at)
  SELECT user_id, 'consent.' || action::text, 'consent', phone_number,
    jsonb_build_object('eventId', id, 'accountId', account_id, 'scope', scope, 'ourNumber', our_number,
      'source', source, 'reason', reason, 'messageId', message_id), created_at
  FROM event
), touched AS (
  SELECT c.id FROM conversations c, event e
  WHERE c.participants_key LIKE '%' || e.phone_number || '%' AND e.phone_number = ANY (c.participants)
    AND c.owner_number IN (
      SELECT p.e164 FROM phone_numbers p JOIN bandwidth_applications a ON a.id = p.application_id WHERE a.account_id = e.account_id)
    AND (e.scope = 'account' OR c.owner_number = e.our_number)
)
SELECT e.id::text AS id, e.created_at, (SELECT COALESCE(array_agg(id::text), '{}') FROM touched) AS conversation_ids,
  (SELECT count(*) FROM opted_out)::int + (SELECT count(*) FROM opted_in)::int AS changed
FROM event e`;

/**
 * Records one consent change (history + current state + audit) in the caller's transaction and
 * returns the `conversation.updated` notices for every conversation of that customer in scope, for
 * the caller to publish in the same transaction. Not idempotent: each call is a history entry.
 */
export async function recordConsentChange(
  run: RunSql,
  change: ConsentChange,
): Promise<{ id: string; at: Date; notices: ChangeNotice[] }> {
  const [row] = await run<{ id: string; created_at: Date; conversation_ids: string[] }>(RECORD_SQL, [
    change.phoneNumber,
    change.accountId,
    change.scope,
    change.scope === "number" ? change.ourNumber : null,
    change.action,
    change.source,
    change.reason,
    change.userId,
    change.messageId,
  ]);
  if (!row) throw new Error("consent change not recorded");
  const notices = row.conversation_ids.map((conversationId) => ({
    kind: "conversation.updated" as const,
    conversationId,
  }));
  return { id: row.id, at: new Date(row.created_at), notices };
}

/** The account and consent scope for a change to our number `ourNumber`; null if it is not ours. */
export async function consentScopeOf(
  run: RunSql,
  ourNumber: string,
): Promise<{ accountId: string; scope: ConsentScope; ourNumber: string } | null> {
  const [row] = await run<{ id: string; consent_scope: ConsentScope }>(
    `SELECT b.id::text AS id, b.consent_scope::text AS consent_scope FROM bandwidth_accounts b WHERE b.id = ${accountOfNumberSql("$1")}`,
    [ourNumber],
  );
  return row ? { accountId: row.id, scope: row.consent_scope, ourNumber } : null;
}

const VIEW_COLUMNS = `o.phone_number, e.created_at, e.source::text AS source, e.scope::text AS scope, e.our_number,
  e.reason, u.name AS by_name, e.message_id::text AS message_id`;

export type OptOutRow = {
  phone_number: string;
  created_at: Date;
  source: ConsentSource;
  scope: ConsentScope;
  our_number: string | null;
  reason: string | null;
  by_name: string | null;
  message_id: string | null;
};

/**
 * Which of `phoneNumbers` are opted out of messages from our number `ourNumber` (its account's
 * opt-outs, and this number's): one row each (the account-wide one first). Two index probes a number.
 */
export async function optOutsFor(run: RunSql, ourNumber: string, phoneNumbers: string[]): Promise<OptOutView[]> {
  if (phoneNumbers.length === 0) return [];
  const rows = await run<OptOutRow>(
    `SELECT DISTINCT ON (o.phone_number) ${VIEW_COLUMNS}
     FROM consent_opt_outs o JOIN consent_events e ON e.id = o.event_id LEFT JOIN users u ON u.id = e.user_id
     WHERE o.phone_number = ANY ($1::text[]) AND o.account_id = ${accountOfNumberSql("$2")} AND o.our_number IN ('', $2)
     ORDER BY o.phone_number, o.our_number, e.created_at`,
    [phoneNumbers, ourNumber],
  );
  return rows.map(toOptOutView);
}

export { VIEW_COLUMNS as OPT_OUT_VIEW_COLUMNS };

export function toOptOutView(row: OptOutRow): OptOutView {
  return {
    phoneNumber: row.phone_number,
    at: new Date(row.created_at).toISOString(),
    source: row.source,
    scope: row.scope,
    ourNumber: row.our_number,
    reason: row.reason,
    byName: row.by_name,
    messageId: row.message_id,
  };
}
