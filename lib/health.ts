import "server-only";
import type pg from "pg";
import { db, type Db } from "@/lib/db";
import { connectsWithin, SATURATED_AFTER_MS, SATURATED_WHEN_WAITING, webhookPool } from "@/lib/db-pool";
import { largeBatchSlots, type Slots } from "@/lib/messaging/large-batch-slots";

export type Health = {
  status: "ok" | "unavailable";
  database: "up" | "down" | "saturated";
  checkedAt: string;
  error?: string;
};

const DATABASE_TIMEOUT_MS = 2_000;

/**
 * Readiness for load balancers: up only when the database answers within two seconds and this
 * instance's webhook is not saturated (a webhook connection takes more than `SATURATED_AFTER_MS` to
 * get, or `SATURATED_WHEN_WAITING` large batches wait for a slot), so a balancer sends the next
 * requests elsewhere until it drains.
 */
export async function checkHealth(
  database: Db = db(),
  pool: pg.Pool = webhookPool(),
  largeBatches: Slots = largeBatchSlots(),
): Promise<Health> {
  const checkedAt = new Date().toISOString();
  const waitingBatches = largeBatches.waiting;
  const slow = waitingBatches < SATURATED_WHEN_WAITING && (await connectsWithin(pool, SATURATED_AFTER_MS)) === "slow";
  if (slow || waitingBatches >= SATURATED_WHEN_WAITING)
    return {
      status: "unavailable",
      database: "saturated",
      checkedAt,
      error: `webhook saturated: ${slow ? `no database connection within ${SATURATED_AFTER_MS} ms, ` : ""}${pool.waitingCount} requests waiting for one (${pool.totalCount} open), ${waitingBatches} large batches waiting for a slot`,
    };
  try {
    await withTimeout(database.$queryRaw`SELECT 1`, DATABASE_TIMEOUT_MS);
    return { status: "ok", database: "up", checkedAt };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "unknown error";
    return { status: "unavailable", database: "down", checkedAt, error: `database unreachable: ${reason}` };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
