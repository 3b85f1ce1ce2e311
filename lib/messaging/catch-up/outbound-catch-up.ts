import "server-only";
import type pg from "pg";
import type { StatusCallback } from "@/lib/bandwidth/callback-schema";
import type { BandwidthAccess } from "@/lib/bandwidth/credentials";
import { findErrorCode } from "@/lib/bandwidth/error-catalogue";
import type { ListMessageItem } from "@/lib/bandwidth/list-messages";
import { withTransaction } from "@/lib/db-pool";
import { CHANGES_CHANNEL, encodeNotices, type ChangeNotice } from "@/lib/realtime/change-notice";
import { messageLockKey } from "../ingest-chunks";
import { applyToMessage, type LockedMessage } from "../ingest-status";
import { catchUpWindows, finalStatusOf, lostSendMatch } from "./catch-up-rules";
import { lister, ourNumbers, storedIds, type CatchUpDeps, type CatchUpTally, type Problems } from "./catch-up-deps";

/** At most this many messages are looked up per run (one request each); the rest wait for the next. */
const MAX_LOOKUPS_PER_RUN = 500;
const NOT_FINAL = `('queued', 'accepted', 'sending', 'sent', 'unconfirmed')`;

// Outbound messages with a recipient still without a final status, sent within the window: either
// Bandwidth's id is known, or the send was put on the wire (submitted_at) and its answer lost.
const CANDIDATES_SQL = `
SELECT m.id::text AS id, m.bandwidth_message_id, m."from", m.submitted_at,
  (SELECT array_agg(r.phone_number ORDER BY r.phone_number) FROM message_recipients r WHERE r.message_id = m.id) AS recipients
FROM messages m
WHERE m.direction = 'OUTBOUND'
  AND (m.bandwidth_message_id IS NOT NULL OR m.submitted_at IS NOT NULL)
  AND coalesce(m.submitted_at, m.accepted_at, m.created_at) BETWEEN $1 AND $2
  AND EXISTS (SELECT 1 FROM message_recipients r WHERE r.message_id = m.id AND r.status IN ${NOT_FINAL})
ORDER BY coalesce(m.submitted_at, m.accepted_at, m.created_at)
LIMIT ${MAX_LOOKUPS_PER_RUN}`;

type Candidate = {
  id: string;
  bandwidth_message_id: string | null;
  from: string;
  submitted_at: Date | null;
  recipients: string[];
};

/**
 * Looks up, in Bandwidth's records, each outbound message whose recipients still lack a final
 * status some hours after the send (CATCH_UP_OUTBOUND_AFTER_SECONDS) — by its Bandwidth id, or for
 * a send whose answer was lost (our own `unconfirmed` guess) by its number, recipients and time —
 * and applies a final status found there through the normal status rules, marked `records`.
 * Idempotent: a recipient with a final status is not looked up again.
 */
export async function catchUpOutbound(deps: CatchUpDeps, tally: CatchUpTally, problems: Problems): Promise<void> {
  const window = catchUpWindows(deps.now?.() ?? new Date(), deps.settings).outbound;
  const { rows } = await deps.pool.query<Candidate>(CANDIDATES_SQL, [window.from, window.to]);
  if (rows.length === 0) return;
  const accessOf = new Map((await ourNumbers(deps, problems)).map((number) => [number.e164, number.access]));
  const list = lister(deps, tally);
  for (const message of rows) {
    const access = accessOf.get(message.from);
    if (!access) continue; // a number no longer ours: no credentials to ask with
    tally.outboundChecked += 1;
    try {
      const found = await lookUp(deps, list, access, message);
      if (found) tally.outboundApplied += await applyFromRecords(deps.pool, message.id, found.bandwidthId, found.items);
    } catch (error) {
      problems.add(access.accountId, error);
    }
  }
}

/** Bandwidth's records of one message: by its id, or for a lost answer by its number, recipients and time. */
async function lookUp(
  deps: CatchUpDeps,
  list: ReturnType<typeof lister>,
  access: BandwidthAccess,
  message: Candidate,
): Promise<{ bandwidthId: string; items: ListMessageItem[] } | null> {
  if (message.bandwidth_message_id)
    return {
      bandwidthId: message.bandwidth_message_id,
      items: await list(access, { messageId: message.bandwidth_message_id }),
    };
  const submittedAt = (message.submitted_at ?? new Date()).getTime();
  const around = await list(access, {
    sourceTn: message.from,
    messageDirection: "OUTBOUND",
    fromDateTime: new Date(submittedAt - 60_000),
    toDateTime: new Date(submittedAt + deps.confirmationWindowMs),
  });
  const bandwidthId = lostSendMatch(around, message.recipients, await storedIds(deps.pool, around));
  return bandwidthId ? { bandwidthId, items: around.filter((item) => item.messageId === bandwidthId) } : null;
}

/**
 * Applies the final statuses of Bandwidth's records to one message, as its callbacks would have
 * (applyToMessage: forward only, the first final status wins), under the message's lock, and marks
 * each recipient it changed as learned from the records, with the carrier. Returns how many changed.
 */
async function applyFromRecords(
  pool: pg.Pool,
  messageId: string,
  bandwidthId: string,
  items: ListMessageItem[],
): Promise<number> {
  return withTransaction(pool, async (sql) => {
    await sql.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
      messageLockKey({ message: { id: bandwidthId } }),
    ]);
    const { rows } = await sql.query<{
      from: string;
      to: string[];
      conversation_id: string;
      bandwidth_message_id: string | null;
      taken: boolean;
      recipients: LockedMessage["recipients"];
    }>(
      `SELECT "from", "to", conversation_id::text, bandwidth_message_id,
         EXISTS (SELECT 1 FROM messages o WHERE o.bandwidth_message_id = $2 AND o.id <> m.id) AS taken,
         (SELECT coalesce(json_agg(json_build_object('p', r.phone_number, 's', r.status)), '[]'::json) FROM message_recipients r WHERE r.message_id = m.id) AS recipients
       FROM messages m WHERE id = $1::uuid FOR UPDATE`,
      [messageId, bandwidthId],
    );
    const row = rows[0];
    if (!row || row.taken || (row.bandwidth_message_id && row.bandwidth_message_id !== bandwidthId)) return 0;
    const message: LockedMessage = {
      id: messageId,
      conversationId: row.conversation_id,
      bandwidthMessageId: row.bandwidth_message_id,
      recipients: row.recipients,
    };
    const notices: ChangeNotice[] = [];
    let applied = 0;
    for (const item of items) {
      const final = finalStatusOf(item);
      if (!final || !message.recipients.some((recipient) => recipient.p === item.destinationTn)) continue;
      const errorCode = final.type === "message-failed" ? final.errorCode : null;
      const event: StatusCallback = {
        type: final.type,
        // When we learned it: Bandwidth's records say when the message came in, not when it settled.
        time: new Date().toISOString(),
        to: item.destinationTn,
        description: errorCode !== null ? (findErrorCode(errorCode)?.description ?? undefined) : undefined,
        ...(errorCode !== null ? { errorCode } : {}),
        message: {
          id: bandwidthId,
          owner: row.from,
          time: item.receiveTime,
          direction: "out",
          to: row.to,
          from: row.from,
          ...(item.segmentCount != null ? { segmentCount: item.segmentCount } : {}),
        },
      };
      const result = await applyToMessage(sql, message, event);
      if (result.outcome !== "applied") continue;
      await sql.query(
        `UPDATE message_recipients SET status_source = 'records', carrier_name = $3 WHERE message_id = $1::uuid AND phone_number = $2`,
        [messageId, item.destinationTn, item.carrierName ?? null],
      );
      applied += 1;
      notices.push(...result.notices);
    }
    for (const payload of encodeNotices(notices))
      await sql.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, payload]);
    return applied;
  });
}
