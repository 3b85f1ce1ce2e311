import "server-only";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict } from "@/lib/errors";
import { jobQueue, QUEUES } from "@/lib/jobs/queue";
import type { CatchUpRunsQuery } from "@/lib/validations/admin";

/**
 * The latest runs of the catch-up job, newest first: when each started and finished (null: still
 * running, or its instance died), what it asked Bandwidth, what it found and applied, and its error.
 * Admins only (the route checks).
 */
export async function listCatchUpRuns(database: Db, query: CatchUpRunsQuery) {
  const runs = await database.catchUpRun.findMany({
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return { runs };
}

/**
 * An admin asks for a run now instead of at the next cron tick: the job is queued like the
 * scheduled ones, so it runs on whichever instance takes it, once (the run's own lock), and is
 * listed when it starts. A request while one is already waiting adds nothing.
 */
export async function requestCatchUpRun(): Promise<{ queued: boolean }> {
  if (!env().CATCH_UP_ENABLED)
    throw conflict("The catch-up is turned off (CATCH_UP_ENABLED=false).", "catch_up_disabled");
  const boss = await jobQueue();
  const id = await boss.send(QUEUES.catchUp, { requested: true }, { singletonKey: "catch-up-requested" });
  return { queued: id !== null };
}
