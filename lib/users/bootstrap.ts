import "server-only";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export const DEMO_USERS = [
  { email: "admin@example.com", password: "switchboard-admin", name: "Avery Admin", role: "ADMIN" },
  { email: "agent@example.com", password: "switchboard-agent", name: "Sam Agent", role: "AGENT" },
] as const satisfies ReadonlyArray<{ email: string; password: string; name: string; role: Role }>;

/**
 * Creates the user if no account has that email. Idempotent: an existing user (whose password
 * may have been changed since) is left alone. Returns whether it created one.
 */
export async function ensureUser(
  database: Db,
  user: { email: string; password: string; name: string; role: Role },
): Promise<boolean> {
  const email = user.email.trim().toLowerCase();
  const existing = await database.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return false;
  const passwordHash = await hashPassword(user.password);
  const created = await database.user.createMany({
    data: [{ email, name: user.name, role: user.role, passwordHash }],
    skipDuplicates: true, // another instance starting at the same moment may have won
  });
  return created.count === 1;
}

export async function ensureAdminFromEnv(database: Db, email: string, password: string): Promise<boolean> {
  return ensureUser(database, { email, password, name: "Administrator", role: "ADMIN" });
}

export async function ensureDemoUsers(database: Db): Promise<void> {
  for (const user of DEMO_USERS) await ensureUser(database, user);
}

export async function countUsers(database: Db): Promise<number> {
  return database.user.count();
}
