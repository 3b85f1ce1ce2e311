import "server-only";
import type pg from "pg";
import { statusCallbackSchema } from "@/lib/bandwidth/callback-schema";
import { withTransaction } from "@/lib/db-pool";
import { CHANGES_CHANNEL, encodeNotices, type ChangeNotice } from "@/lib/realtime/change-notice";
import { applyToMessage, type LockedMessage } from "./ingest-status";

/**
 * Applies status events that arrived before the message they name (by tag) existed, in their own
 * transaction. Called once the message's send has been accepted.
 */
export async function applyPendingStatusEvents(pool: pg.Pool, messageId: string): Promise<void> {
  await withTransaction(pool, async (sql) => {
    const pending = await sql.query<{ id: string; payload: unknown }>(
      "SELECT id::text, payload FROM pending_status_events WHERE tag = $1 ORDER BY id FOR UPDATE",
      [messageId],
    );
    if (pending.rows.length === 0) return;
    const { rows } = await sql.query<{
      id: string;
      from: string;
      conversation_id: string;
      bandwidth_message_id: string | null;
      recipients: LockedMessage["recipients"];
    }>(
      `SELECT id::text, "from", conversation_id::text, bandwidth_message_id,
         (SELECT coalesce(json_agg(json_build_object('p', r.phone_number, 's', r.status)), '[]'::json) FROM message_recipients r WHERE r.message_id = m.id) AS recipients
       FROM messages m WHERE id = $1::uuid FOR UPDATE`,
      [messageId],
    );
    const row = rows[0];
    if (!row) return;
    const message: LockedMessage = {
      id: row.id,
      conversationId: row.conversation_id,
      bandwidthMessageId: row.bandwidth_message_id,
      recipients: row.recipients,
    };
    const notices: ChangeNotice[] = [];
    for (const entry of pending.rows) {
      const event = statusCallbackSchema.safeParse(entry.payload);
      // Deferred only after its sender was checked against its application: it must be this message's.
      if (event.success && event.data.message.from === row.from)
        notices.push(...(await applyToMessage(sql, message, event.data)).notices);
    }
    await sql.query("DELETE FROM pending_status_events WHERE id = ANY($1::bigint[])", [
      pending.rows.map((entry) => entry.id),
    ]);
    for (const payload of encodeNotices(notices))
      await sql.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, payload]);
  });
}
