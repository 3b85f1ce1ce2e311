import "server-only";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { signInSchema } from "@/lib/validations/sign-in";
import { verifyPassword } from "./password";
import {
  checkSignInLimit,
  clearAccountFailures,
  recordSignInFailure,
  retryMessage,
  type SignInLimits,
} from "./rate-limit";

export type SignedInUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export type SignInResult = { ok: true; user: SignedInUser } | { ok: false; message: string };

export const INVALID_CREDENTIALS = "Wrong email or password.";

/**
 * Checks credentials for the sign-in form. Never throws for bad input: every refusal comes back
 * as a message fit to show. Failures count against the account, the address and the pair (see
 * checkSignInLimit: an account is slowed down, never locked); a success clears the account's
 * counts. Unknown emails cost the same time as wrong passwords.
 */
export async function signInWithPassword(
  database: Db,
  input: unknown,
  address: string,
  limits: SignInLimits,
  pause: (ms: number) => Promise<unknown> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? "Enter your email and password." };
  const { email, password } = parsed.data;

  const verdict = await checkSignInLimit(database, email, address, limits);
  if (verdict.limited) {
    return { ok: false, message: `Too many failed sign-ins. ${retryMessage(verdict)}` };
  }
  if (verdict.delayMs > 0) await pause(verdict.delayMs);

  const user = await database.user.findUnique({ where: { email } });
  const passwordMatches = await verifyPassword(password, user?.passwordHash);
  if (!user || !passwordMatches) {
    await recordSignInFailure(database, email, address, limits.windowMinutes);
    return { ok: false, message: INVALID_CREDENTIALS };
  }
  if (!user.active) return { ok: false, message: "This account has been deactivated. Ask an admin to reactivate it." };

  await clearAccountFailures(database, email, address);
  await database.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
