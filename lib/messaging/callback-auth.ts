import "server-only";
import { timingSafeEqual } from "node:crypto";
import { matchesRandomSecret } from "@/lib/crypto/secret-hash";
import type { Db } from "@/lib/db";
import { basicCredentials } from "@/lib/bandwidth/basic-credentials";

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
export async function callbackCredentialsAccepted(
  database: Db,
  applicationId: string,
  authorization: string | null,
): Promise<boolean> {
  const given = basicCredentials(authorization);
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

async function credentialsFor(database: Db, applicationId: string): Promise<Credential[]> {
  const cached = cache.get(applicationId);
  if (cached && Date.now() - cached.fetchedAt < CACHE_MS) return cached.credentials;
  const application = isApplicationIdShape(applicationId)
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

// Bandwidth's application ids are UUIDs; anything else in the URL (a NUL, which PostgreSQL refuses
// in text, or a page of junk) is an unknown application without asking the database.
const APPLICATION_ID_SHAPE = /^[A-Za-z0-9-]{1,100}$/;

function isApplicationIdShape(applicationId: string): boolean {
  return APPLICATION_ID_SHAPE.test(applicationId);
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Remembers that a callback for this application was refused for its credentials, so the admin
 * page can say so ("401: wrong credentials") next to the time. At most one write per application
 * every few seconds, however many bad requests arrive; unknown applications change nothing.
 */
export async function noteRefusedCallback(database: Db, applicationId: string, hadCredentials: boolean): Promise<void> {
  if (!isApplicationIdShape(applicationId)) return;
  const result = hadCredentials ? "refused: wrong callback credentials (401)" : "refused: no credentials sent (401)";
  await database.$executeRaw`
    UPDATE bandwidth_applications SET last_callback_at = now(), last_callback_result = ${result}
    WHERE application_id = ${applicationId} AND (last_callback_at IS NULL OR last_callback_at < now() - interval '5 seconds')`;
}
