import "server-only";
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { readCallback, type ParsedCallback } from "@/lib/bandwidth/callback-schema";
import { classifyKeyword } from "@/lib/bandwidth/consent-keywords";
import { databaseUnavailable, withTransaction, type Sql } from "@/lib/db-pool";
import { HttpError } from "@/lib/errors";
import type { CallbackOutcome } from "@/lib/generated/prisma/enums";
import { CHANGES_CHANNEL, encodeNotices, type ChangeNotice } from "@/lib/realtime/change-notice";
import { chunkByLockKeys, messageLockKey, sortedLockKeys } from "./ingest-chunks";
import { ingestElement, isElementError, logRefused, type ElementResult } from "./ingest-element";
import { largeBatchSlots } from "./large-batch-slots";
import type { LogEntry } from "./ingest-log";

type IngestSummary = {
  requestId: string;
  events: number;
  outcomes: Partial<Record<CallbackOutcome, number>>;
  mediaIds: string[];
};

/** Queues the download of inbound media stored by a committed request (lib/media/queue-downloads.ts). */
export type QueueMediaDownloads = (mediaIds: string[]) => Promise<void>;

type Element = { entry: LogEntry; parsed: ParsedCallback };

/**
 * Bandwidth sends one event per request today; this leaves a wide margin while keeping a request
 * to a bounded transaction on one pool connection.
 */
const MAX_EVENTS_PER_REQUEST = 1_000;

type IngestOptions = {
  queueMediaDownloads?: QueueMediaDownloads;
  /** Aborts when the client has gone away or the deadline passed: no further commit, nothing more stored. */
  signal?: AbortSignal;
};

/**
 * Stores and applies one callback request for the application `applicationId` (Bandwidth's id, from
 * the URL): every element is logged in `callback_events` with what became of it, and applied, so the
 * caller may answer 2xx only once this resolves. A request is one transaction when it names at most
 * `MAX_LOCK_KEYS_PER_TRANSACTION` messages (every request Bandwidth sends today); a larger one commits
 * in runs of that many, in order, at most `LARGE_BATCHES_AT_ONCE` such requests at a time per
 * instance. Idempotent per event (a repeat is logged as `duplicate` and changes nothing), so a large
 * request cut short and sent again is stored exactly once; order-independent (statuses only move
 * forward); never throws for a bad element: it is logged as `rejected` with the reason (not this
 * application's, malformed, or refused by the database), and the others are applied. Throws a 503
 * `HttpError` naming the problem when the database is away, slow or saturated, or `signal` aborts
 * (the transaction in progress is rolled back; media of runs committed before it are left to the
 * media sweep). Change notices go out on commit. Plain SQL through pg: this is the webhook's hot
 * path, one or two statements per event. More than `MAX_EVENTS_PER_REQUEST` elements: a 413
 * `HttpError`, and nothing is stored.
 */
export async function ingestCallbacks(
  pool: pg.Pool,
  applicationId: string,
  elements: unknown[],
  { queueMediaDownloads, signal }: IngestOptions = {},
): Promise<IngestSummary> {
  if (elements.length > MAX_EVENTS_PER_REQUEST) {
    throw new HttpError(
      413,
      "too_many_events",
      `At most ${MAX_EVENTS_PER_REQUEST} events per request (got ${elements.length}); nothing was stored`,
    );
  }
  const summary = await ingest(pool, applicationId, elements, signal).catch((error: unknown) => {
    throw databaseUnavailable(error) ?? error;
  });
  // After the commit: a lost enqueue (a crash right here) leaves the files pending, and the media
  // sweep queues them; it must not turn a stored request into an error Bandwidth would resend.
  if (queueMediaDownloads && summary.mediaIds.length > 0) {
    await queueMediaDownloads(summary.mediaIds).catch((error: unknown) =>
      console.error("[webhook] could not queue media downloads; the sweep will", error),
    );
  }
  return summary;
}

async function ingest(
  pool: pg.Pool,
  applicationId: string,
  raw: unknown[],
  signal?: AbortSignal,
): Promise<IngestSummary> {
  const requestId = randomUUID();
  const elements: Element[] = raw.map((element, position) => {
    const { payload, parsed } = readCallback(element);
    return { entry: { applicationId, requestId, position, payload, dedupeKey: null }, parsed };
  });
  const [only] = elements;
  if (elements.length === 1 && only?.parsed.kind === "received" && !classifyKeyword(only.parsed.event.message.text)) {
    // The common case: one inbound message, stored, logged and announced by one atomic statement.
    // (A consent keyword takes the transaction below: it records the change and its reply too.)
    signal?.throwIfAborted();
    const result = await ingestAlone(pool, only);
    return { requestId, events: 1, outcomes: { [result.outcome]: 1 }, mediaIds: result.mediaIds ?? [] };
  }
  const chunks = chunkByLockKeys(elements, lockKeyOf);
  const release = chunks.length > 1 ? await largeBatchSlots().acquire(signal) : () => undefined;
  try {
    const outcomes: Partial<Record<CallbackOutcome, number>> = {};
    const mediaIds: string[] = [];
    for (const chunk of chunks) {
      const result = await ingestChunk(pool, chunk, signal);
      for (const [outcome, count] of Object.entries(result.outcomes) as Array<[CallbackOutcome, number]>)
        outcomes[outcome] = (outcomes[outcome] ?? 0) + count;
      mediaIds.push(...result.mediaIds);
    }
    return { requestId, events: elements.length, outcomes, mediaIds };
  } finally {
    release();
  }
}

// Optimistic first: an element the database refuses aborts the transaction, and only then is the
// run done again with a savepoint per element (a round trip each), so that it alone is rejected.
function ingestChunk(pool: pg.Pool, elements: Element[], signal?: AbortSignal) {
  const run = (isolate: boolean) =>
    withDeadlockRetry(() =>
      withTransaction(pool, (sql) => ingestInTransaction(sql, elements, isolate, signal), signal),
    );
  return run(false).catch((error: unknown) => {
    if (!isElementError(error)) throw error;
    return run(true);
  });
}

async function ingestAlone(pool: pg.Pool, { entry, parsed }: Element): Promise<ElementResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ingestElement(pool, entry, parsed, CHANGES_CHANNEL);
    } catch (error) {
      if (!isElementError(error)) throw error;
      // A unique violation is a twin request that committed the same message first: once more, it is a duplicate.
      if ((error as { code?: string }).code === "23505" && attempt === 1) continue;
      return logRefused(pool, entry, error);
    }
  }
}

async function ingestInTransaction(sql: Sql, elements: Element[], isolate: boolean, signal?: AbortSignal) {
  // Serialise work on the same Bandwidth message across requests: a status is applied against the
  // recipients as they are after the previous status committed, never against a stale snapshot.
  // All of a transaction's locks (at most MAX_LOCK_KEYS_PER_TRANSACTION) are taken first, in one
  // order, so two transactions never wait in a cycle. (A lone message-received needs none: its key
  // and the message id are unique in the database.)
  const keys = sortedLockKeys(elements, lockKeyOf);
  const onlyReceived = elements.every(({ parsed }) => parsed.kind === "received");
  if (keys.length > 1 || !onlyReceived)
    for (const key of keys) await sql.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [key]);
  const outcomes: Partial<Record<CallbackOutcome, number>> = {};
  const notices: ChangeNotice[] = [];
  const mediaIds: string[] = [];
  for (const { entry, parsed } of elements) {
    signal?.throwIfAborted();
    const result = isolate ? await inSavepoint(sql, entry, parsed) : await ingestElement(sql, entry, parsed);
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    notices.push(...result.notices);
    mediaIds.push(...(result.mediaIds ?? []));
  }
  for (const payload of encodeNotices(notices)) await sql.query("SELECT pg_notify($1, $2)", [CHANGES_CHANNEL, payload]);
  return { outcomes, mediaIds };
}

async function inSavepoint(sql: Sql, entry: LogEntry, parsed: ParsedCallback): Promise<ElementResult> {
  await sql.query("SAVEPOINT element");
  try {
    const result = await ingestElement(sql, entry, parsed);
    await sql.query("RELEASE SAVEPOINT element");
    return result;
  } catch (error) {
    if (!isElementError(error)) throw error;
    await sql.query("ROLLBACK TO SAVEPOINT element");
    return logRefused(sql, entry, error);
  }
}

function lockKeyOf({ entry }: Element): string | null {
  return messageLockKey(entry.payload);
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
