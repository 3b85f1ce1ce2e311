import "server-only";
import type pg from "pg";
import { withTransaction, type Sql } from "@/lib/db-pool";

// The reports' rollups (tables report_*, migration `reports`): recomputed from messages, never
// incremented, so a late callback, a repeated one, a catch-up from Bandwidth's records or a send
// retried all land in the right hour exactly once. Each run rebuilds every hour from `since` on (the
// job: the last RECOMPUTE hours every minute; all of history on the first run and nightly).
//
// A customer's wait (report_waits) spans messages of one conversation, so waits are rebuilt per
// conversation: every conversation with a message since `since`, from its whole history.

/** One lock for every run on every instance: two rebuilds of the same hours never interleave. */
const ROLLUP_LOCK = "hashtext('switchboard:report-rollup')";

/** Bandwidth retries a callback for 24 hours; the catch-up looks back CATCH_UP_LOOKBACK_SECONDS. */
export function recomputeWindowHours(catchUpLookbackSeconds: number): number {
  return Math.max(96, Math.ceil(catchUpLookbackSeconds / 3600) + 24);
}

const IS_MMS = `(coalesce(m.attachment_count, 0) > 0 OR EXISTS (SELECT 1 FROM media x WHERE x.message_id = m.id))`;
const HOUR = `date_trunc('hour', m.created_at, 'UTC')`;

const MESSAGE_HOURS = `
INSERT INTO report_message_hours (hour, our_number, direction, origin, is_group, is_mms, agent_id, messages, segments)
SELECT ${HOUR}, c.owner_number, m.direction, m.origin, c.is_group, ${IS_MMS},
       CASE WHEN m.direction = 'OUTBOUND' THEN m.sent_by_id END, count(*), sum(coalesce(m.segment_count, 1))
FROM messages m JOIN conversations c ON c.id = m.conversation_id
WHERE m.created_at >= $1 AND NOT m.from_our_line
GROUP BY 1, 2, 3, 4, 5, 6, 7`;

// What became of each recipient: 9902 (no delivery receipt) and a send whose answer was lost are
// "unconfirmed", not failures; anything short of a final status is pending.
const OUTCOME = `CASE
  WHEN r.status = 'delivered' THEN 'delivered'
  WHEN r.status = 'failed' AND r.error_code = 9902 THEN 'unconfirmed'
  WHEN r.status = 'failed' THEN 'failed'
  WHEN r.status = 'unconfirmed' THEN 'unconfirmed'
  ELSE 'pending' END`;

const DELIVERY_HOURS = `
INSERT INTO report_delivery_hours (hour, our_number, is_group, is_mms, outcome, error_code, carrier, recipients)
SELECT ${HOUR}, c.owner_number, c.is_group, ${IS_MMS}, ${OUTCOME},
       CASE WHEN r.status = 'failed' THEN coalesce(r.error_code, 0) ELSE 0 END, coalesce(r.carrier_name, ''), count(*)
FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN message_recipients r ON r.message_id = m.id
WHERE m.created_at >= $1 AND m.direction = 'OUTBOUND'
GROUP BY 1, 2, 3, 4, 5, 6, 7`;

const FAILURES = `
INSERT INTO report_failures (message_id, phone_number, conversation_id, hour, our_number, error_code, failed_at)
SELECT r.message_id, r.phone_number, m.conversation_id, ${HOUR}, c.owner_number, coalesce(r.error_code, 0),
       coalesce(r.status_at, m.created_at)
FROM messages m JOIN conversations c ON c.id = m.conversation_id JOIN message_recipients r ON r.message_id = m.id
WHERE m.created_at >= $1 AND m.direction = 'OUTBOUND' AND r.status = 'failed'`;

// A wait begins at a customer's first message after our last reply (or ever) and ends at our next
// reply: one sent from Switchboard by an agent, or from one of our numbers outside it. Automatic
// replies (consent confirmations) and our own lines' copies of group texts are not replies.
// Messages are numbered by how many replies precede them; the customers' messages between two
// replies share a number, and the first of them began the wait the next reply ended. A wait no
// reply ended but a closing did ("Thanks!", then closed) is not left waiting: it is closed_unanswered.
// Touched: a message since `from`, or a closing (it settles the waits it ends without a reply).
const TOUCHED = `CREATE TEMP TABLE report_touched ON COMMIT DROP AS
  SELECT conversation_id FROM messages WHERE created_at >= $1
  UNION SELECT conversation_id FROM conversation_activity WHERE kind = 'closed' AND created_at >= $1`;

const WAITS = `
WITH events AS (
  SELECT m.id, m.conversation_id, m.created_at, m.sent_by_id,
         m.direction = 'INBOUND' AND NOT m.from_our_line AS customer,
         m.direction = 'OUTBOUND' AND m.origin IN ('SWITCHBOARD', 'EXTERNAL') AS reply
  FROM messages m JOIN report_touched t ON t.conversation_id = m.conversation_id
), numbered AS (
  SELECT *, count(*) FILTER (WHERE reply) OVER (PARTITION BY conversation_id ORDER BY created_at, id) AS replies
  FROM events WHERE customer OR reply
), waits AS (
  SELECT DISTINCT ON (conversation_id, replies) conversation_id, replies, id, created_at
  FROM numbered WHERE customer ORDER BY conversation_id, replies, created_at, id
)
INSERT INTO report_waits (message_id, conversation_id, our_number, started_at, answered_at, answer_id, responder_id, seconds, closed_unanswered)
SELECT w.id, w.conversation_id, c.owner_number, w.created_at, a.created_at, a.id, a.sent_by_id,
       round(extract(epoch FROM a.created_at - w.created_at))::int,
       a.id IS NULL AND EXISTS (SELECT 1 FROM conversation_activity x
         WHERE x.conversation_id = w.conversation_id AND x.kind = 'closed' AND x.created_at >= w.created_at)
FROM waits w JOIN conversations c ON c.id = w.conversation_id
LEFT JOIN numbered a ON a.reply AND a.conversation_id = w.conversation_id AND a.replies = w.replies + 1`;

// A closing's episode began when the conversation last reopened before it, or when it began.
const CLOSES = `
INSERT INTO report_closes (activity_id, conversation_id, our_number, actor_id, closed_at, seconds)
SELECT a.id, a.conversation_id, c.owner_number, a.actor_id, a.created_at,
       greatest(0, round(extract(epoch FROM a.created_at - greatest(c.created_at, coalesce(
         (SELECT max(b.created_at) FROM conversation_activity b
          WHERE b.conversation_id = a.conversation_id AND b.kind = 'reopened' AND b.created_at <= a.created_at),
         c.created_at)))))::int
FROM conversation_activity a JOIN conversations c ON c.id = a.conversation_id
WHERE a.kind = 'closed' AND a.created_at >= $1`;

export type RollupRun = { since: Date | null; ms: number; skipped: boolean };

/**
 * Rebuilds the rollups for every hour from `since` (null: all of history) in one transaction, so a
 * report never reads half a run. With `wait` false a run already in progress elsewhere is left to
 * finish (the cron ticks of several instances); with true this one waits its turn (Refresh now).
 */
export async function rebuildRollups(pool: pg.Pool, since: Date | null, wait: boolean): Promise<RollupRun> {
  const started = Date.now();
  const from = since ? new Date(Math.floor(since.getTime() / 3_600_000) * 3_600_000) : new Date(0);
  return withTransaction(pool, async (sql) => {
    if (wait) await sql.query(`SELECT pg_advisory_xact_lock(${ROLLUP_LOCK})`);
    else {
      const { rows } = await sql.query<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(${ROLLUP_LOCK}) AS got`);
      if (!rows[0]?.got) return { since, ms: Date.now() - started, skipped: true };
    }
    // The sorts of a full rebuild may use more memory than a request would.
    await sql.query("SET LOCAL work_mem = '64MB'");
    await rebuild(sql, from, since === null);
    const ms = Date.now() - started;
    await sql.query(
      `INSERT INTO report_rollup_state (id, refreshed_at, full_at, last_run_ms) VALUES (1, now(), CASE WHEN $1 THEN now() END, $2)
       ON CONFLICT (id) DO UPDATE SET refreshed_at = now(), last_run_ms = $2,
         full_at = CASE WHEN $1 THEN now() ELSE report_rollup_state.full_at END`,
      [since === null, ms],
    );
    return { since, ms, skipped: false };
  });
}

async function rebuild(sql: Sql, from: Date, full: boolean): Promise<void> {
  // DELETE, not TRUNCATE, even for all of history: reports keep reading the last run meanwhile.
  await sql.query("DELETE FROM report_message_hours WHERE hour >= $1", [from]);
  await sql.query("DELETE FROM report_delivery_hours WHERE hour >= $1", [from]);
  await sql.query("DELETE FROM report_failures WHERE hour >= $1", [from]);
  await sql.query("DELETE FROM report_closes WHERE closed_at >= $1", [from]);
  await sql.query(MESSAGE_HOURS, [from]);
  await sql.query(CLOSES, [from]);
  await sql.query(DELIVERY_HOURS, [from]);
  await sql.query(FAILURES, [from]);
  await sql.query(TOUCHED, [from]);
  await sql.query("CREATE INDEX ON report_touched (conversation_id)");
  await sql.query("ANALYZE report_touched");
  if (full) await sql.query("DELETE FROM report_waits");
  else await sql.query("DELETE FROM report_waits w USING report_touched t WHERE w.conversation_id = t.conversation_id");
  await sql.query(WAITS);
}

/**
 * What the job runs every minute: all of history when it never has (or `full`), else the last
 * `windowHours`. `skipped` when another instance's run was in progress.
 */
export async function refreshRollups(
  pool: pg.Pool,
  options: { windowHours: number; full?: boolean; wait?: boolean },
): Promise<RollupRun> {
  const { rows } = await pool.query<{ full_at: Date | null }>("SELECT full_at FROM report_rollup_state WHERE id = 1");
  const full = options.full || !rows[0]?.full_at;
  const since = full ? null : new Date(Date.now() - options.windowHours * 3_600_000);
  const run = await rebuildRollups(pool, since, options.wait ?? false);
  if (!run.skipped) await vacuumRollups(pool);
  return run;
}

/**
 * Each run replaces the last hours' rows: VACUUM clears the old ones and marks the pages
 * all-visible, so the reports keep reading waits and closings from their indexes alone (an
 * index-only scan; without it every row is fetched from the table). Cheap: untouched pages are
 * skipped. Outside the run's transaction, as VACUUM must be.
 */
async function vacuumRollups(pool: pg.Pool): Promise<void> {
  await pool.query(
    "VACUUM (ANALYZE) report_message_hours, report_delivery_hours, report_failures, report_waits, report_closes",
  );
}
