import "server-only";
import type { Sql } from "@/lib/db-pool";
import type { CallbackOutcome } from "@/lib/generated/prisma/enums";

/** Where an element sits: its request, position and verbatim payload. */
export type LogEntry = {
  applicationId: string;
  requestId: string;
  position: number;
  payload: unknown;
  dedupeKey: string | null;
};

type LoggedFacts = {
  type: string | null;
  messageId: string | null;
  recipient: string | null;
  time: Date | null;
};

/**
 * Appends one element to the raw callback log with what became of it. A deferred status also goes
 * to `pending_status_events`, keyed by the tag it names, in the same statement.
 */
export async function logEvent(
  sql: Sql,
  entry: LogEntry,
  facts: LoggedFacts,
  outcome: CallbackOutcome,
  reason: string | null,
  deferTag?: string,
): Promise<void> {
  await sql.query({
    name: "ingest-log",
    text: `WITH logged AS (
       INSERT INTO callback_events (application_id, request_id, position, type, bandwidth_message_id, recipient, event_time, dedupe_key, payload, outcome, reason)
       VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::"CallbackOutcome", $11) RETURNING id
     )
     INSERT INTO pending_status_events (tag, callback_event_id, payload, created_at)
     SELECT $12, logged.id, $9::jsonb, now() FROM logged WHERE $12::text IS NOT NULL`,
    values: [
      entry.applicationId,
      entry.requestId,
      entry.position,
      facts.type,
      facts.messageId,
      facts.recipient,
      facts.time,
      entry.dedupeKey,
      JSON.stringify(entry.payload ?? null),
      outcome,
      reason,
      deferTag ?? null,
    ],
  });
}
