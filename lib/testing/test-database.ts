// For *.db.test.ts: the fresh, migrated database `npm run test:db` made for this run.
import pg from "pg";
import { findErrorCode } from "@/lib/bandwidth/error-catalogue";
import { createPrismaClient, type Db } from "@/lib/db";
import { listenedTo } from "@/lib/db-pool";

let client: Db | undefined;

export function testDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url?.includes("switchboard_test_")) {
    throw new Error("Database tests run through `npm run test:db`, which creates a fresh test database");
  }
  client ??= createPrismaClient(url);
  return client;
}

/** A value unique to this test, for emails and numbers that must not collide across tests. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** A unique, well-formed NANP test number (+1 555 01x xxxx). */
export function uniqueNumber(): string {
  for (;;) {
    const number = `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    // The sandbox fails a recipient whose last four digits are a catalogue code, on purpose.
    if (!findErrorCode(Number(number.slice(-4)))) return number;
  }
}

let pool: pg.Pool | undefined;

/** A plain pg pool on the same database, for the code paths that use one (the webhook). */
export function testPool(): pg.Pool {
  testDb(); // same guard
  pool ??= listenedTo(new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }));
  return pool;
}

export async function closeTestPool(): Promise<void> {
  await pool?.end();
  pool = undefined;
}
