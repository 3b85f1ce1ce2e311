import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

/**
 * A plain pg pool for the few hot paths where Prisma's per-query overhead matters (the callback
 * webhook answers thousands of requests a second with one or two statements each). Everything
 * else goes through Prisma (lib/db.ts).
 */
const globalForPool = globalThis as unknown as { switchboardPool?: pg.Pool };

export function pgPool(): pg.Pool {
  globalForPool.switchboardPool ??= new pg.Pool({
    connectionString: env().DATABASE_URL,
    max: 20,
    idleTimeoutMillis: 30_000,
  });
  return globalForPool.switchboardPool;
}

export type Sql = Pick<pg.PoolClient, "query">;

/** Runs `work` in one transaction on one connection; rolls back on any error. */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
