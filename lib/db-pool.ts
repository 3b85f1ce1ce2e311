import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { unavailable, type HttpError } from "@/lib/errors";

/**
 * How long the webhook may wait on PostgreSQL. Bandwidth gives a callback 10 s; a request must answer
 * (503 when the database is slow or away, so Bandwidth retries) well within that, never hang:
 * a connection within 2 s (and never past the deadline), each statement within 2 s on the server
 * (a lock wait included) and 2.5 s on the client (a frozen server answers nothing, not even its own
 * timeout), and no new statement once `WEBHOOK_DEADLINE_MS` has passed. Worst case: the deadline and
 * one statement, 8.5 s.
 */
export const WEBHOOK_POOL_BOUNDS = {
  max: 20,
  connectionTimeoutMillis: 2_000,
  statement_timeout: 2_000,
  query_timeout: 2_500,
  // A transaction left open by a client that vanished lets go of its locks.
  idle_in_transaction_session_timeout: 10_000,
} as const;
export const WEBHOOK_DEADLINE_MS = 6_000;

/**
 * Health says 503 (lib/health.ts) when a webhook connection takes longer than this to get, or this
 * many large batches wait for a slot: requests would soon miss their deadline. A busy pool that
 * still turns connections over quickly (dozens waiting a few ms each) is healthy.
 */
export const SATURATED_AFTER_MS = 1_000;
export const SATURATED_WHEN_WAITING = 10;

const globalForPool = globalThis as unknown as { switchboardPool?: pg.Pool; switchboardWebhookPool?: pg.Pool };

/**
 * The Bandwidth webhook's own plain pg pool (its hot path: Prisma's per-query overhead matters at
 * thousands of requests a second), bounded by `WEBHOOK_POOL_BOUNDS`.
 */
export function webhookPool(): pg.Pool {
  globalForPool.switchboardWebhookPool ??= boundedPool(env().DATABASE_URL);
  return globalForPool.switchboardWebhookPool;
}

/** A pool with the webhook's bounds and an error listener (exported for tests against a frozen server). */
export function boundedPool(connectionString: string): pg.Pool {
  return listenedTo(new pg.Pool({ connectionString, idleTimeoutMillis: 30_000, ...WEBHOOK_POOL_BOUNDS }));
}

/**
 * A plain pg pool for the other paths that skip Prisma (media bytes, statuses applied after a send):
 * no statement timeout (a large file takes its time), but never an endless wait for a connection.
 * Everything else goes through Prisma (lib/db.ts).
 */
export function pgPool(): pg.Pool {
  globalForPool.switchboardPool ??= listenedTo(
    new pg.Pool({
      connectionString: env().DATABASE_URL,
      max: 8,
      idleTimeoutMillis: 30_000,
      connectionTimeoutMillis: 10_000,
    }),
  );
  return globalForPool.switchboardPool;
}

/**
 * An idle client that loses its server (a restart, a network cut) makes the pool emit `error`; with
 * no listener that is an uncaught exception, which ends a plain Node process. The pool drops the
 * client by itself: this only says so.
 */
export function listenedTo(pool: pg.Pool): pg.Pool {
  pool.on("error", (error) => console.error(`[db-pool] an idle connection failed: ${error.message}`));
  return pool;
}

/** The webhook request's signal: aborts when its client goes away or `WEBHOOK_DEADLINE_MS` passes. */
export function webhookSignal(request: Request): AbortSignal {
  return AbortSignal.any([request.signal, AbortSignal.timeout(WEBHOOK_DEADLINE_MS)]);
}

/** `promise`, or the signal's reason as soon as it aborts (the work itself is not stopped). */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const aborted = () => reject(signal.reason as Error);
    signal.addEventListener("abort", aborted, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", aborted));
  });
}

export type Sql = Pick<pg.PoolClient, "query">;

/**
 * Runs `work` in one transaction on one connection; rolls back on any error. With `signal`, an
 * abort (the client went away, the deadline passed) before the commit rolls back and throws its
 * reason. A connection whose query timed out on our side, or whose request was aborted, is closed,
 * not reused (the server may still be running the query; closing rolls it back).
 */
export async function withTransaction<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const client = await connect(pool, signal);
  try {
    await client.query("BEGIN");
    const result = await work(client);
    signal?.throwIfAborted();
    await client.query("COMMIT");
    client.release();
    return result;
  } catch (error) {
    // Closing the connection rolls back too, without waiting on a server that may not answer.
    if (connectionSuspect(error) || signal?.aborted) client.release(error instanceof Error ? error : true);
    else {
      const rolledBack = await client.query("ROLLBACK").then(
        () => true,
        () => false,
      );
      client.release(!rolledBack);
    }
    throw error;
  }
}

/** Whether a connection from `pool` comes within `ms` (it goes straight back), too slowly, or not at all. */
export async function connectsWithin(pool: pg.Pool, ms: number): Promise<"yes" | "slow" | "failed"> {
  try {
    (await connect(pool, AbortSignal.timeout(ms))).release();
    return "yes";
  } catch (error) {
    return (error as Error | null)?.name === "TimeoutError" ? "slow" : "failed";
  }
}

/** A connection from `pool`, or the signal's reason as soon as it aborts (a late connection goes back). */
async function connect(pool: pg.Pool, signal?: AbortSignal): Promise<pg.PoolClient> {
  if (!signal) return pool.connect();
  signal.throwIfAborted();
  const pending = pool.connect();
  try {
    return await untilAborted(pending, signal);
  } catch (error) {
    if (signal.aborted)
      pending.then(
        (client) => client.release(),
        () => undefined,
      );
    throw error;
  }
}

/**
 * The 503 for a database that is away, slow or saturated (so Bandwidth retries later), or null for
 * any other error. The body names the problem; nothing was stored.
 */
export function databaseUnavailable(error: unknown): HttpError | null {
  const { code, message, name } = (error ?? {}) as { code?: unknown; message?: unknown; name?: unknown };
  const text = typeof message === "string" ? message : "";
  if (name === "TimeoutError")
    return unavailable(
      "database_timeout",
      `Not stored: the database did not finish within ${WEBHOOK_DEADLINE_MS / 1000} s`,
    );
  // Next aborts `request.signal` with a `ResponseAborted` error when the client disconnects.
  if (name === "AbortError" || name === "ResponseAborted")
    return unavailable("request_aborted", "Not stored: the request was abandoned by its client");
  if (text.includes("timeout exceeded when trying to connect") || code === "53300")
    return unavailable(
      "database_busy",
      `Not stored: no database connection within ${WEBHOOK_POOL_BOUNDS.connectionTimeoutMillis / 1000} s`,
    );
  if (text === "Query read timeout" || code === "57014" || code === "55P03")
    return unavailable("database_timeout", "Not stored: a database statement ran out of time");
  if (code === "53200") return unavailable("database_busy", "Not stored: the database is out of memory or locks");
  // A deadlock or serialization failure still there after the ingestion's own retries: nothing was
  // kept (the transaction rolled back), and Bandwidth's retry will find the way clear.
  if (code === "40P01" || code === "40001")
    return unavailable("database_busy", "Not stored: concurrent requests kept conflicting; try again");
  if (connectionSuspect(error) || prismaUnreachable(error))
    return unavailable("database_unavailable", "Not stored: the database is unreachable");
  return null;
}

// Prisma (the credential check) reports a database it cannot reach in its own words: a known
// request error with a P1xxx / pool-timeout code, or its driver adapter's error whose `cause.kind`
// names the trouble, sometimes with the pg error as a further `cause`.
const PRISMA_UNREACHABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_UNREACHABLE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
function prismaUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 3) return false;
  const { code, kind, cause } = error as { code?: unknown; kind?: unknown; cause?: unknown };
  if (typeof code === "string" && PRISMA_UNREACHABLE.has(code)) return true;
  if (typeof kind === "string" && ADAPTER_UNREACHABLE.has(kind)) return true;
  if (depth > 0 && connectionSuspect(error)) return true;
  return prismaUnreachable(cause, depth + 1);
}

// Errors after which a connection is not trusted again: our own read timeout, a closed or refused
// connection, the server shutting down.
function connectionSuspect(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === "string" ? message : "";
  if (text === "Query read timeout" || /Connection terminated|not queryable/i.test(text)) return true;
  if (typeof code !== "string") return false;
  return /^(08|57P0)/.test(code) || ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"].includes(code);
}
