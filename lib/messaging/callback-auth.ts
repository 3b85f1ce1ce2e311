import "server-only";
import { timingSafeEqual } from "node:crypto";
import { matchesRandomSecret } from "@/lib/crypto/secret-hash";
import type { Db } from "@/lib/db";

type Credential = { username: string; passwordHash: string; expiresAt: Date | null };
type Entry = { credentials: Credential[]; fetchedAt: number };

// Credentials per application, cached briefly so the webhook's hot path skips a query; a rotation
// or a new application is seen within this many milliseconds on every instance.
const CACHE_MS = 5_000;
const cache = new Map<string, Entry>();

/**
 * Checks a callback's HTTP Basic credentials against the application's callback credentials (any
 * pair not past its grace period). Unknown applications, applications without credentials and
 * missing or wrong credentials all fail the same way: the endpoint fails closed.
 */
export async function callbackCredentialsAccepted(database: Db, applicationId: string, authorization: string | null): Promise<boolean> {
  const given = parseBasic(authorization);
  const credentials = await credentialsFor(database, applicationId);
  const now = Date.now();
  let accepted = false;
  for (const credential of credentials) {
    if (credential.expiresAt && credential.expiresAt.getTime() <= now) continue;
    // Every candidate is checked (no early exit), in constant time per comparison.
    const userMatches = safeEqual(given?.username ?? "", credential.username);
    const passwordMatches = matchesRandomSecret(given?.password ?? "", credential.passwordHash);
    accepted = (userMatches && passwordMatches && given !== null) || accepted;
  }
  return accepted;
}

export function forgetCallbackCredentials(applicationId?: string): void {
  if (applicationId) cache.delete(applicationId);
  else cache.clear();
}

async function credentialsFor(database: Db, applicationId: string): Promise<Credential[]> {
  const cached = cache.get(applicationId);
  if (cached && Date.now() - cached.fetchedAt < CACHE_MS) return cached.credentials;
  const application = applicationId.length <= 100
    ? await database.bandwidthApplication.findUnique({
        where: { applicationId },
        select: { callbackCredentials: { select: { username: true, passwordHash: true, expiresAt: true } } },
      })
    : null;
  const credentials = application?.callbackCredentials ?? [];
  cache.set(applicationId, { credentials, fetchedAt: Date.now() });
  if (cache.size > 1000) cache.delete(cache.keys().next().value ?? "");
  return credentials;
}

function parseBasic(header: string | null): { username: string; password: string } | null {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  return separator < 0 ? null : { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
