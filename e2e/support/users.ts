import { hash } from "@node-rs/argon2";
import pg from "pg";

export const ADMIN = { email: "admin@example.com", password: "switchboard-admin", name: "Avery Admin" };
export const AGENT = { email: "agent@example.com", password: "switchboard-agent", name: "Sam Agent" };

/** The test run's database (set by lib/runtime/with-test-database.ts). */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh agent for tests that change a user (deactivate, lock out, sign out, new password). */
export async function createAgent(options: { active?: boolean; mustChangePassword?: boolean } = {}) {
  const email = `agent-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
  const password = "a-test-password-123";
  await sql(
    `INSERT INTO users (id, email, name, password_hash, role, active, must_change_password, updated_at)
     VALUES (gen_random_uuid(), $1, 'Test Agent', $2, 'AGENT', $3, $4, now())`,
    [email, await hash(password), options.active ?? true, options.mustChangePassword ?? false],
  );
  return { email, password };
}

export async function deactivate(email: string) {
  await sql(`UPDATE users SET active = false, session_version = session_version + 1 WHERE email = $1`, [email]);
}
