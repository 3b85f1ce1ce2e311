import "server-only";
import type { Db } from "@/lib/db";
import { HttpError } from "@/lib/errors";
import type { ChangePassword } from "@/lib/validations/password";
import { hashPassword, verifyPassword } from "./password";
import { retryMessage, takeAttempt } from "./rate-limit";

/** Password change attempts per user and window: a borrowed session must not guess the current one. */
const CHANGE_ATTEMPTS = 5;
const CHANGE_WINDOW_MINUTES = 15;

/**
 * Whether a session of this version still stands: the user is active and none of their sessions
 * was ended since (sign-out, password change, deactivation, role change all move the version on).
 */
export async function isSessionCurrent(database: Db, userId: string, sessionVersion: number): Promise<boolean> {
  return (await database.user.count({ where: { id: userId, active: true, sessionVersion } })) > 0;
}

/**
 * Sign-out on the server: the cookie keeps no power after it. Sessions are versioned per user, so
 * this ends every session of the user (the price of stateless cookies without a session table).
 * Idempotent: a session that was ended already changes nothing.
 */
export async function endSession(database: Db, userId: string, sessionVersion: number): Promise<void> {
  await database.user.updateMany({
    where: { id: userId, sessionVersion },
    data: { sessionVersion: { increment: 1 } },
  });
}

/**
 * The signed-in user replaces their password, proving the current one. Ends every session (the
 * caller signs this one in again with the new password) and clears a pending one-time password.
 */
export async function changePassword(database: Db, userId: string, input: ChangePassword): Promise<void> {
  const verdict = await takeAttempt(database, `password-change:${userId}`, CHANGE_ATTEMPTS, CHANGE_WINDOW_MINUTES);
  if (verdict.limited) {
    throw new HttpError(
      429,
      "too_many_attempts",
      `Too many attempts at changing your password. ${retryMessage(verdict)}`,
    );
  }
  const user = await database.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(input.currentPassword, user?.passwordHash))) {
    throw new HttpError(422, "wrong_password", "Your current password is not right.");
  }
  await database.user.update({
    where: { id: userId },
    data: {
      passwordHash: await hashPassword(input.newPassword),
      mustChangePassword: false,
      sessionVersion: { increment: 1 },
    },
  });
}
