import "server-only";
import { db, type Db } from "@/lib/db";

export type Health = { status: "ok" | "unavailable"; database: "up" | "down"; checkedAt: string; error?: string };

const DATABASE_TIMEOUT_MS = 2_000;

/** Readiness for load balancers: up only when the database answers within two seconds. */
export async function checkHealth(database: Db = db()): Promise<Health> {
  const checkedAt = new Date().toISOString();
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
