import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { parseCallback, statusCallbackSchema, type ReceivedCallback } from "@/lib/bandwidth/callback-schema";
import { withTransaction, type Sql } from "@/lib/db-pool";
import type { CallbackOutcome } from "@/lib/generated/prisma/enums";
import { CHANGES_CHANNEL, encodeNotices, type ChangeNotice } from "@/lib/realtime/change-notice";
import { logEvent, type LogEntry } from "./ingest-log";
import { ingestReceived } from "./ingest-received";
import { applyStatusEvent, applyToMessage, claimStatusEvent, type LockedMessage } from "./ingest-status";

export type IngestSummary = {
  requestId: string;
  events: number;
  outcomes: Partial<Record<CallbackOutcome, number>>;
  mediaIds: string[];
};

/** Queues the download of inbound media stored by a committed request (lib/media/queue-downloads.ts). */
export type QueueMediaDownloads = (mediaIds: string[]) => Promise<void>;

/**
 * Stores and applies one callback request: every element is logged verbatim in `callback_events`
 * with what became of it, and applied, all in one transaction, so the caller may answer 2xx only
 * once this resolves. Idempotent per event (a repeat is logged as `duplicate` and changes nothing),
 * order-independent (statuses only move forward), and never throws for a bad element (it is
 * logged as `rejected`). Change notices go out on commit. Plain SQL through pg: this is the
 * webhook's hot path, one or two statements per event.
 */
export async function ingestCallbacks(
  pool: pg.Pool,
  applicationId: string,
  elements: unknown[],
  queueMediaDownloads?: QueueMediaDownloads,
): Promise<IngestSummary> {
  const summary = await ingest(pool, applicationId, elements);
  // After the commit: a lost enqueue (a crash right here) leaves the files pending, and the media
  // sweep queues them; it must not turn a stored request into an error Bandwidth would resend.
  if (queueMediaDownloads && summary.mediaIds.length > 0) {
    await queueMediaDownloads(summary.mediaIds).catch((error: unknown) =>
      console.error("[webhook] could not queue media downloads; the sweep will", error),
    );
  }
  return summary;
}

async function ingest(pool: pg.Pool, applicationId: string, elements: unknown[]): Promise<IngestSummary> {
  const requestId = randomUUID();
  const [only] = elements;
  const parsedOnly = elements.length === 1 ? parseCallback(only) : null;
  if (parsedOnly?.kind === "received") {
    // The common case: one inbound message, stored, logged and announced by one atomic statement.
    const entry = { applicationId, requestId, position: 0, payload: only, dedupeKey: parsedOnly.dedupeKey };
    const result = await ingestReceivedOrReject(pool, parsedOnly.event, entry, CHANGES_CHANNEL);
    return { requestId, events: 1, outcomes: { [result.outcome]: 1 }, mediaIds: result.mediaIds };
  }
  const { outcomes, mediaIds } = await withDeadlockRetry(() =>
    withTransaction(pool, (client) => ingestInTransaction(client, applicationId, requestId, elements)),
  );
  return { requestId, events: elements.length, outcomes, mediaIds };
}

const isReceived = (element: unknown) => (element as { type?: unknown } | null)?.type === "message-received";

async function ingestInTransaction(sql: Sql, applicationId: string, requestId: string, elements: unknown[]) {
  // Serialise work on the same Bandwidth message across requests: a status is applied against the
  // recipients as they are after the previous status committed, never against a stale snapshot.
  // All of a request's locks are taken first, in one order, so two requests never wait in a cycle.
  // (A lone message-received needs none: its key and the message id are unique in the database.)
  const keys = messageLockKeys(elements);
  const onlyReceived = elements.every(isReceived);
  if (keys.length > 1 || !onlyReceived)
    for (const key of keys) await sql.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
  const outcomes: Partial<Record<CallbackOutcome, number>> = {};
  const notices: ChangeNotice[] = [];
  const mediaIds: string[] = [];
  for (const [position, payload] of elements.entries()) {
    const result = await ingestOne(sql, { applicationId, requestId, position, payload, dedupeKey: null });
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    notices.push(...result.notices);
    mediaIds.push(...(result.mediaIds ?? []));
  }
  for (const payload of encodeNotices(notices)) await sql.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, payload]);
  return { outcomes, mediaIds };
}

async function ingestOne(
  sql: Sql,
  entry: LogEntry,
): Promise<{ outcome: CallbackOutcome; notices: ChangeNotice[]; mediaIds?: string[] }> {
  const parsed = parseCallback(entry.payload);
  if (parsed.kind === "rejected") {
    await logEvent(
      sql,
      entry,
      { type: typeOf(entry.payload), messageId: null, recipient: null, time: null },
      "rejected",
      parsed.reason,
    );
    return { outcome: "rejected", notices: [] };
  }
  if (parsed.kind === "other") {
    await logEvent(
      sql,
      { ...entry, dedupeKey: parsed.dedupeKey },
      { type: parsed.type.slice(0, 100), messageId: null, recipient: null, time: null },
      "ignored",
      `${parsed.type} is not acted on`,
    );
    return { outcome: "ignored", notices: [] };
  }
  const keyed = { ...entry, dedupeKey: parsed.dedupeKey };
  const facts = {
    type: parsed.event.type,
    messageId: parsed.event.message.id,
    recipient: parsed.event.to,
    time: new Date(parsed.event.time),
  };
  if (parsed.kind === "received") return ingestReceivedOrReject(sql, parsed.event, keyed, null);
  const claimed = await claimStatusEvent(sql, entry.applicationId, parsed.event, parsed.dedupeKey);
  if (claimed.rejection) {
    await logEvent(sql, keyed, facts, "rejected", claimed.rejection);
    return { outcome: "rejected", notices: [] };
  }
  if (!claimed.fresh) {
    await logEvent(sql, keyed, facts, "duplicate", "seen before");
    return { outcome: "duplicate", notices: [] };
  }
  const result = await applyStatusEvent(sql, parsed.event, claimed.message);
  await logEvent(sql, keyed, facts, result.outcome, result.reason, result.deferTag);
  return result;
}

async function ingestReceivedOrReject(sql: Sql, event: ReceivedCallback, entry: LogEntry, notifyOn: string | null) {
  try {
    return await ingestReceived(sql, event, entry, notifyOn);
  } catch (error) {
    // Only a broken event lands here (e.g. no one but our number in it); a database error rethrows.
    if (error instanceof Error && !("code" in error)) {
      const facts = { type: event.type, messageId: event.message.id, recipient: event.to, time: new Date(event.time) };
      await logEvent(sql, entry, facts, "rejected", error.message);
      return { outcome: "rejected" as const, notices: [], mediaIds: [] };
    }
    throw error;
  }
}

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

function messageLockKeys(elements: unknown[]): string[] {
  const keys = elements.flatMap((element) => {
    const id = (element as { message?: { id?: unknown } } | null)?.message?.id;
    return typeof id === "string" ? [`bandwidth-message:${id}`] : [];
  });
  return [...new Set(keys)].sort();
}

// PostgreSQL breaks a rare deadlock (e.g. two batches touching the same two conversations in
// opposite orders) by aborting one transaction; running it again is the prescribed remedy.
async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== "40P01" && code !== "40001") || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

function typeOf(element: unknown): string | null {
  const type = typeof element === "object" && element !== null ? (element as { type?: unknown }).type : undefined;
  return typeof type === "string" ? type.slice(0, 100) : null;
}
