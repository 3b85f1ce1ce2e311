import "server-only";
import { env } from "@/lib/env";
import { catchUpInbound } from "./inbound-catch-up";
import { catchUpOutbound } from "./outbound-catch-up";
import { ListMessagesError } from "@/lib/bandwidth/list-messages";
import { Problems, type CatchUpDeps, type CatchUpTally } from "./catch-up-deps";

// One run at a time across every instance: a session-level advisory lock on its own connection,
// held for the run (released by PostgreSQL if the instance dies).
const RUN_LOCK = "SELECT pg_try_advisory_lock(hashtextextended('switchboard:catch-up', 0)) AS locked";
const RUN_UNLOCK = "SELECT pg_advisory_unlock(hashtextextended('switchboard:catch-up', 0))";

/** Bandwidth allows 3,500 List Messages requests per 5 minutes: never more than one per this many ms. */
const LIST_MIN_INTERVAL_MS = Math.ceil(300_000 / 3_500);
/** A longer Retry-After ends the run (recorded as its error); the next run starts over. */
const LIST_MAX_RETRY_AFTER_MS = 60_000;

export type CatchUpResult = { ran: false } | { ran: true; runId: string; tally: CatchUpTally; error: string | null };

/**
 * One catch-up run (the `catch-up` job, every CATCH_UP_CRON): outbound statuses, then inbound
 * messages, from Bandwidth's List Messages. Runs once however many instances or workers call it at
 * the same moment (the others return `{ ran: false }` and record nothing). Every run is recorded in
 * catch_up_runs with what it checked, found and applied, and why it stopped if it did; what it
 * applied before an error stays applied. Safe to repeat: it only adds what is missing.
 */
export async function runCatchUp(deps: CatchUpDeps): Promise<CatchUpResult> {
  const lock = await deps.pool.connect();
  try {
    const { rows } = await lock.query<{ locked: boolean }>(RUN_LOCK);
    if (!rows[0]?.locked) return { ran: false };
    try {
      const run = await deps.database.catchUpRun.create({ data: {}, select: { id: true } });
      const tally: CatchUpTally = {
        requests: 0,
        outboundChecked: 0,
        outboundApplied: 0,
        numbersChecked: 0,
        inboundChecked: 0,
        inboundAdded: 0,
      };
      const errors: string[] = [];
      for (const [side, work] of [
        ["outbound", catchUpOutbound],
        ["inbound", catchUpInbound],
      ] as const) {
        const problems = new Problems();
        try {
          await work(deps, tally, problems);
        } catch (error) {
          console.error(`[catch-up] ${side}`, error);
          problems.add("(all)", error instanceof ListMessagesError ? new Error(error.message) : error);
        }
        errors.push(...problems.list().map((problem) => `${side}: ${problem}`));
      }
      const error = errors.length > 0 ? errors.join("; ").slice(0, 2000) : null;
      await deps.database.catchUpRun.update({
        where: { id: run.id },
        data: { ...tally, error, finishedAt: new Date() },
      });
      return { ran: true, runId: run.id, tally, error };
    } finally {
      await lock.query(RUN_UNLOCK);
    }
  } finally {
    lock.release();
  }
}

/** The catch-up's settings from the environment (CATCH_UP_*; see .env.example). */
export function catchUpSettings(): Pick<CatchUpDeps, "encryptionKey" | "settings" | "confirmationWindowMs" | "list"> {
  const config = env();
  return {
    encryptionKey: config.ENCRYPTION_KEY,
    settings: {
      outboundAfterMs: config.CATCH_UP_OUTBOUND_AFTER_SECONDS * 1000,
      inboundAfterMs: config.CATCH_UP_INBOUND_AFTER_SECONDS * 1000,
      lookbackMs: config.CATCH_UP_LOOKBACK_SECONDS * 1000,
    },
    confirmationWindowMs: config.SEND_CONFIRMATION_WINDOW_SECONDS * 1000,
    list: {
      timeoutMs: config.BANDWIDTH_REQUEST_TIMEOUT_MS,
      minIntervalMs: LIST_MIN_INTERVAL_MS,
      maxRetryAfterMs: LIST_MAX_RETRY_AFTER_MS,
    },
  };
}
