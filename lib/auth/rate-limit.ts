import "server-only";
import type { Db } from "@/lib/db";

/**
 * `perAccount`: failures on one account from one address before that address is refused for it;
 * past it, every address trying the account is slowed down. `perAddress`: failures from one
 * address, on any accounts, before it is refused.
 */
export type SignInLimits = { perAccount: number; perAddress: number; windowMinutes: number };

type RateLimitVerdict = { limited: false } | { limited: true; retryAfterMinutes: number };

/** When not limited, answered only after `delayMs`. */
type SignInVerdict = { limited: true; retryAfterMinutes: number } | { limited: false; delayMs: number };

/** The growing delay doubles per failure past the limit, from one second up to this. */
const MAX_DELAY_MS = 10_000;

const accountKey = (email: string) => `email:${email}`;
const addressKey = (address: string) => `ip:${address}`;
const pairKey = (email: string, address: string) => `pair:${address} ${email}`;

/**
 * Failed sign-ins are counted over a sliding window, in the database so every app instance sees
 * the same counts. Hard limits apply per address and per (account, address), never per account
 * alone: anyone may know an email, and a refusal keyed on it alone would let them lock its owner
 * out. Per account there is only a delay that grows with its failures, so guessing from many
 * addresses is slowed while the owner still gets in. The delay is per request; parallel guessing
 * is bounded by the per-address limits.
 */
export async function checkSignInLimit(
  database: Db,
  email: string,
  address: string,
  limits: SignInLimits,
  now = new Date(),
): Promise<SignInVerdict> {
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const [byAccount, byAddress, byPair] = await Promise.all([
    recentFailures(database, accountKey(email), since),
    recentFailures(database, addressKey(address), since),
    recentFailures(database, pairKey(email, address), since),
  ]);
  const blocking = [
    byPair.length >= limits.perAccount ? byPair[byPair.length - limits.perAccount] : undefined,
    byAddress.length >= limits.perAddress ? byAddress[byAddress.length - limits.perAddress] : undefined,
  ].filter((value): value is Date => value !== undefined);
  if (blocking.length > 0) {
    // Unblocked once the oldest failure that still counts leaves the window.
    const unblockAt = Math.max(...blocking.map((at) => at.getTime() + limits.windowMinutes * 60_000));
    return { limited: true, retryAfterMinutes: Math.max(1, Math.ceil((unblockAt - now.getTime()) / 60_000)) };
  }
  const pastLimit = byAccount.length - limits.perAccount;
  return { limited: false, delayMs: pastLimit < 0 ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** pastLimit) };
}

export async function recordSignInFailure(database: Db, email: string, address: string, windowMinutes: number) {
  await database.signInFailure.createMany({
    data: [{ key: accountKey(email) }, { key: addressKey(address) }, { key: pairKey(email, address) }],
  });
  await forgetOldAttempts(database, windowMinutes);
}

/** Keep the table small: anything older than a day no longer counts for any window we use. */
async function forgetOldAttempts(database: Db, windowMinutes: number) {
  const horizon = new Date(Date.now() - Math.max(windowMinutes, 24 * 60) * 60_000);
  await database.signInFailure.deleteMany({ where: { createdAt: { lt: horizon } } });
}

/** After a success: the account's delay and this address's count for it start over. */
export async function clearAccountFailures(database: Db, email: string, address: string) {
  await database.signInFailure.deleteMany({ where: { key: { in: [accountKey(email), pairKey(email, address)] } } });
}

/**
 * Counts one attempt at something guessable (an invitation token) under `key`, then says whether
 * the caller is past `limit` attempts in the window. Counting first means a burst of parallel
 * requests cannot all slip under the limit.
 */
export async function takeAttempt(
  database: Db,
  key: string,
  limit: number,
  windowMinutes: number,
  now = new Date(),
): Promise<RateLimitVerdict> {
  await database.signInFailure.create({ data: { key, createdAt: now } });
  await forgetOldAttempts(database, windowMinutes);
  const attempts = await recentFailures(database, key, new Date(now.getTime() - windowMinutes * 60_000));
  const blocking = attempts.length > limit ? attempts[attempts.length - limit - 1] : undefined;
  if (!blocking) return { limited: false };
  const unblockAt = blocking.getTime() + windowMinutes * 60_000;
  return { limited: true, retryAfterMinutes: Math.max(1, Math.ceil((unblockAt - now.getTime()) / 60_000)) };
}

/** "Try again in 3 minutes." */
export function retryMessage(verdict: { retryAfterMinutes: number }): string {
  const minutes = verdict.retryAfterMinutes;
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

async function recentFailures(database: Db, key: string, since: Date): Promise<Date[]> {
  const rows = await database.signInFailure.findMany({
    where: { key, createdAt: { gte: since } },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  return rows.map((row) => row.createdAt);
}
