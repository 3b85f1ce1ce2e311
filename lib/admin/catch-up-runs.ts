import "server-only";
import type { Db } from "@/lib/db";
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
