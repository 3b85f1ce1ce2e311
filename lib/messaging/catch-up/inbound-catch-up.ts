import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { ListMessageItem } from "@/lib/bandwidth/list-messages";
import { inboundIdentity } from "@/lib/conversations/conversation-key";
import { upsertConversationSql } from "@/lib/conversations/conversation-store";
import { withTransaction } from "@/lib/db-pool";
import { CHANGES_CHANNEL, encodeNotices } from "@/lib/realtime/change-notice";
import { messageLockKey } from "../ingest-chunks";
import { catchUpWindows, missedInbound, numberBatches } from "./catch-up-rules";
import { lister, ourNumbers, storedIds, type CatchUpDeps, type CatchUpTally, type Problems } from "./catch-up-deps";

// The placeholder of an inbound message known only from Bandwidth's records: no text, no media
// (Bandwidth keeps neither), its counts, Bandwidth's time as message_time. It is stored now
// (created_at), so it is news: unread, and at the end of the thread; the trigger on messages
// treats it as any customer's message (last_inbound_at, reopening).
const PLACEHOLDER_SQL = `
WITH conv AS (
  ${upsertConversationSql({ owner: "$1", participants: "$2", key: "$3", isGroup: "$4", at: "now()", lastMessageId: "$5" })}
)
INSERT INTO messages (id, conversation_id, direction, origin, bandwidth_message_id, "from", "to", text, segment_count, status,
  message_time, created_at, updated_at, from_our_line, missed_callback, attachment_count)
SELECT $5::uuid, conv.id, 'INBOUND', 'SWITCHBOARD', $6, $7, $8::text[], '', $9, 'received', $10, now(), now(),
  EXISTS (SELECT 1 FROM phone_numbers WHERE e164 = $7), true, $11 FROM conv
ON CONFLICT (bandwidth_message_id) DO NOTHING
RETURNING id::text, conversation_id::text`;

class AlreadyStored extends Error {}

/**
 * Lists each of our numbers' inbound messages of the window (ending CATCH_UP_INBOUND_AFTER_SECONDS
 * ago, when Bandwidth has stopped retrying their callbacks) and stores a placeholder for each one we
 * never stored. Idempotent: a message id is stored once, whoever comes first (a placeholder, or its
 * callback: ingest-received.ts fills a placeholder in when the callback comes late).
 */
export async function catchUpInbound(deps: CatchUpDeps, tally: CatchUpTally, problems: Problems): Promise<void> {
  const window = catchUpWindows(deps.now?.() ?? new Date(), deps.settings).inbound;
  if (window.to <= window.from) return;
  const numbers = await ourNumbers(deps, problems);
  const list = lister(deps, tally);
  const byAccount = new Map<string, typeof numbers>();
  for (const number of numbers) {
    const key = number.access.accountId;
    byAccount.set(key, [...(byAccount.get(key) ?? []), number]);
  }
  for (const accountNumbers of byAccount.values()) {
    const access = accountNumbers[0]?.access;
    if (!access) continue;
    for (const batch of numberBatches(accountNumbers.map((number) => number.e164))) {
      try {
        const items = await list(access, {
          destinationTn: batch.join(","),
          messageDirection: "INBOUND",
          fromDateTime: window.from,
          toDateTime: window.to,
        });
        tally.numbersChecked += batch.length;
        const ours = items.filter((item) => batch.includes(item.destinationTn));
        tally.inboundChecked += new Set(ours.map((item) => item.messageId)).size;
        for (const item of missedInbound(ours, await storedIds(deps.pool, ours))) {
          if (await storePlaceholder(deps.pool, item)) tally.inboundAdded += 1;
        }
      } catch (error) {
        problems.add(access.accountId, error);
      }
    }
  }
}

async function storePlaceholder(pool: pg.Pool, item: ListMessageItem): Promise<boolean> {
  const identity = inboundIdentity(item.destinationTn, item.sourceTn, [item.destinationTn]);
  if (!identity) return false;
  try {
    return await withTransaction(pool, async (sql) => {
      // The webhook's transactions take the same lock for this message id.
      await sql.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
        messageLockKey({ message: { id: item.messageId } }),
      ]);
      const { rows } = await sql.query<{ id: string; conversation_id: string }>(PLACEHOLDER_SQL, [
        identity.ownerNumber,
        identity.participants,
        identity.participantsKey,
        identity.isGroup,
        randomUUID(),
        item.messageId,
        item.sourceTn,
        [item.destinationTn],
        item.segmentCount ?? null,
        new Date(item.receiveTime),
        item.attachmentCount ?? null,
      ]);
      const row = rows[0];
      // Its callback came meanwhile: undo the conversation's update too.
      if (!row) throw new AlreadyStored();
      const notices = encodeNotices([
        { kind: "message.created", conversationId: row.conversation_id, messageId: row.id },
      ]);
      for (const payload of notices) await sql.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, payload]);
      return true;
    });
  } catch (error) {
    if (error instanceof AlreadyStored) return false;
    throw error;
  }
}
