import "server-only";
import type { PoolClient } from "pg";
import { PgBoss } from "pg-boss";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Jobs live in PostgreSQL (pg-boss, schema `pgboss`), so every app instance shares one queue. */
export const QUEUES = {
  /** Put a queued message on the wire. */
  send: "send-message",
  /** After a send whose answer was lost: has Bandwidth confirmed it by callbacks? */
  confirm: "confirm-send",
  /** Daily housekeeping (old duplicate-detection keys, abandoned draft attachments). */
  maintenance: "maintenance",
  /** Copy one inbound media file from Bandwidth into our storage. */
  fetchMedia: "fetch-media",
  /** Every few minutes: queue inbound media whose download job was lost. */
  mediaSweep: "media-sweep",
  /** A snooze ends: reopen the conversation (unless something else moved it since). */
  snoozeEnd: "snooze-end",
  /** Every CATCH_UP_CRON: learn from Bandwidth's List Messages what its callbacks never brought. */
  catchUp: "catch-up",
  /** Every minute: the reports' rollups rebuilt for the last hours (lib/reports/rollup.ts). */
  reportRollup: "report-rollup",
  /** Nightly: the reports' rollups rebuilt for all of history. */
  reportRollupFull: "report-rollup-full",
} as const;

const globalForBoss = globalThis as unknown as { switchboardBoss?: Promise<PgBoss> };

/** The process's pg-boss, started (and its queues created) on first use. */
export function jobQueue(): Promise<PgBoss> {
  globalForBoss.switchboardBoss ??= startQueue();
  return globalForBoss.switchboardBoss;
}

async function startQueue(): Promise<PgBoss> {
  // LISTEN/NOTIFY wakes a worker the moment a send is queued instead of at its next poll.
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 4, useListenNotify: true });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // Our handlers reschedule deliberately (429, pacing); pg-boss retries only what crashed.
    // A catch-up run is not retried (the next one, a cron tick later, starts over) and may take a
    // while (paced List Messages requests, a Retry-After); once across instances by its own lock.
    // Rollups likewise: the next tick rebuilds the same hours.
    const once = name === QUEUES.catchUp || name === QUEUES.reportRollup || name === QUEUES.reportRollupFull;
    await boss.createQueue(name, {
      retryLimit: once ? 0 : 5,
      retryDelay: 5,
      retryBackoff: true,
      expireInSeconds: once ? 1800 : 120,
      notify: true,
    });
  }
  return boss;
}

/**
 * Enqueues inside the caller's transaction (pg-boss writes its job row through `tx`), so a message
 * is never stored without its job, nor a job left for a message that was rolled back.
 */
export async function enqueueInTransaction(
  tx: Prisma.TransactionClient,
  queue: string,
  data: object,
  options: { startAfter?: Date } = {},
) {
  const boss = await jobQueue();
  await boss.send(queue, data, {
    ...options,
    db: {
      executeSql: async (text: string, values: unknown[] = []) => ({
        rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values),
      }),
    },
  });
}

/** Enqueues inside a plain pg transaction (the webhook's): the job commits or rolls back with it. */
export async function enqueueWithSql(sql: Pick<PoolClient, "query">, queue: string, data: object) {
  const boss = await jobQueue();
  await boss.send(queue, data, {
    db: {
      executeSql: async (text: string, values: unknown[] = []) => ({ rows: (await sql.query(text, values)).rows }),
    },
  });
}

/** Several jobs of one queue in one statement. */
export async function enqueueMany(queue: string, items: object[]) {
  if (items.length > 0)
    await (
      await jobQueue()
    ).insert(
      queue,
      items.map((data) => ({ data })),
    );
}

/** Stops this process's pg-boss (tests, shutdown). */
export async function stopJobQueue(): Promise<void> {
  const boss = globalForBoss.switchboardBoss;
  globalForBoss.switchboardBoss = undefined;
  if (boss) await (await boss).stop({ graceful: false });
}
