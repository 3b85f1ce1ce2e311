import "server-only";
import { createHash } from "node:crypto";
import { Configuration } from "bandwidth-sdk";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { BandwidthCredentialKind } from "@/lib/generated/prisma/enums";
import { basicAuthorization } from "./basic-credentials";
import { BANDWIDTH_TOKEN_URL } from "./endpoints";

/**
 * The one way in to Bandwidth: an account's stored credentials resolved (OAuth 2.0 client
 * credentials, or a legacy API user until Bandwidth stops accepting them on 2 December 2026), the
 * process-wide token cache, and the SDK configuration every call uses. Secrets and tokens never
 * leave this module except as an Authorization header on the way to Bandwidth.
 */

export type BandwidthCredentials =
  | { kind: "OAUTH"; clientId: string; clientSecret: string; tokenUrl: string }
  | { kind: "LEGACY"; username: string; password: string };

export type BandwidthAccess = { accountId: string; messagingBaseUrl: string; credentials: BandwidthCredentials };

type StoredAccount = {
  accountId: string;
  messagingBaseUrl: string;
  credentialKind: BandwidthCredentialKind;
  credentialId: string;
  credentialSecretEncrypted: string;
  tokenUrl: string | null;
};

/** Decrypts an account's stored credentials (no token URL stored: Bandwidth's). */
export function accessForAccount(account: StoredAccount, encryptionKey: string): BandwidthAccess {
  const secret = decryptSecret(account.credentialSecretEncrypted, encryptionKey);
  const credentials: BandwidthCredentials =
    account.credentialKind === "OAUTH"
      ? {
          kind: "OAUTH",
          clientId: account.credentialId,
          clientSecret: secret,
          tokenUrl: account.tokenUrl ?? BANDWIDTH_TOKEN_URL,
        }
      : { kind: "LEGACY", username: account.credentialId, password: secret };
  return { accountId: account.accountId, messagingBaseUrl: account.messagingBaseUrl.replace(/\/+$/, ""), credentials };
}

/**
 * The token endpoint did not give us a token. `refused`: it rejected the client (wrong or revoked
 * secret) — fail the work as rejected credentials do. `unavailable`: 5xx or no answer — nothing
 * reached Bandwidth's API, so the work may simply be retried.
 */
export class TokenError extends Error {
  constructor(
    readonly reason: "refused" | "unavailable",
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

type CachedToken = { token: string; refreshAt: number };
type Entry = { cached?: CachedToken; pending?: Promise<string> };

// One cache per process, shared by every send, upload and download (and kept across hot reloads).
const globalForTokens = globalThis as unknown as { switchboardTokens?: Map<string, Entry> };
const tokens = (globalForTokens.switchboardTokens ??= new Map());

// A token is used until shortly before Bandwidth says it expires: never in its last minute (or
// its last tenth, for short-lived ones), so a call never starts with a token about to die.
const REFRESH_MARGIN_MS = 60_000;

/** A valid access token for these client credentials: cached, or fetched once however many ask at once. */
export async function accessToken(
  credentials: Extract<BandwidthCredentials, { kind: "OAUTH" }>,
  timeoutMs: number,
): Promise<string> {
  const key = cacheKey(credentials);
  const entry = tokens.get(key) ?? {};
  tokens.set(key, entry);
  if (entry.cached && entry.cached.refreshAt > Date.now()) return entry.cached.token;
  entry.pending ??= fetchToken(credentials, timeoutMs)
    .then(({ token, expiresInMs }) => {
      entry.cached = { token, refreshAt: Date.now() + expiresInMs - Math.min(REFRESH_MARGIN_MS, expiresInMs / 10) };
      return token;
    })
    .finally(() => {
      entry.pending = undefined;
    });
  return entry.pending;
}

/** Forgets a token Bandwidth refused (401), so the next call fetches a new one. */
export function dropToken(credentials: BandwidthCredentials, token?: string): void {
  if (credentials.kind !== "OAUTH") return;
  const entry = tokens.get(cacheKey(credentials));
  if (entry?.cached && (token === undefined || entry.cached.token === token)) entry.cached = undefined;
}

/** The Authorization header for a request to Bandwidth (media downloads, which do not go through the SDK). */
export async function authorizationHeader(access: BandwidthAccess, timeoutMs: number): Promise<string> {
  const { credentials } = access;
  if (credentials.kind === "LEGACY")
    return basicAuthorization({ username: credentials.username, password: credentials.password });
  return `Bearer ${await accessToken(credentials, timeoutMs)}`;
}

/** The official SDK's configuration for this account: Bearer tokens from the shared cache, or legacy Basic. */
export function sdkConfiguration(
  access: BandwidthAccess,
  options: { timeoutMs: number; maxBodyLength?: number },
): Configuration {
  const { credentials } = access;
  const baseOptions = {
    timeout: options.timeoutMs,
    ...(options.maxBodyLength ? { maxBodyLength: options.maxBodyLength } : {}),
  };
  if (credentials.kind === "LEGACY") {
    return new Configuration({
      username: credentials.username,
      password: credentials.password,
      basePath: access.messagingBaseUrl,
      baseOptions,
    });
  }
  return new Configuration({
    accessToken: () => accessToken(credentials, options.timeoutMs),
    basePath: access.messagingBaseUrl,
    baseOptions,
  });
}

/**
 * Runs a call to Bandwidth; when it is refused with 401 while using a cached token, drops that
 * token, fetches a new one and runs the call once more (a token can die before its time: a
 * rotated secret, Bandwidth's own restart).
 */
export async function withTokenRetry<T>(access: BandwidthAccess, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (access.credentials.kind !== "OAUTH" || statusOf(error) !== 401) throw error;
    dropToken(access.credentials);
    return call();
  }
}

async function fetchToken(
  credentials: Extract<BandwidthCredentials, { kind: "OAUTH" }>,
  timeoutMs: number,
): Promise<{ token: string; expiresInMs: number }> {
  let response: Response;
  try {
    response = await fetch(credentials.tokenUrl, {
      method: "POST",
      headers: {
        authorization: basicAuthorization({ username: credentials.clientId, password: credentials.clientSecret }),
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
      },
      body: new URLSearchParams({ grant_type: "client_credentials" }).toString(),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new TokenError("unavailable", null, `Bandwidth's token endpoint could not be reached (${cause})`);
  }
  const body = (await response.json().catch(() => null)) as {
    access_token?: unknown;
    expires_in?: unknown;
    error?: unknown;
  } | null;
  if (response.status === 400 || response.status === 401 || response.status === 403) {
    const code = typeof body?.error === "string" ? body.error : `HTTP ${response.status}`;
    throw new TokenError(
      "refused",
      response.status,
      `Bandwidth's token endpoint refused the API credentials (${code})`,
    );
  }
  if (!response.ok || typeof body?.access_token !== "string" || body.access_token === "") {
    throw new TokenError(
      "unavailable",
      response.status,
      `Bandwidth's token endpoint answered HTTP ${response.status} without a token`,
    );
  }
  const seconds = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 3600;
  return { token: body.access_token, expiresInMs: seconds * 1000 };
}

/** Same client, same secret, same endpoint: same token. A new secret is a new key (the old token is not reused). */
function cacheKey(credentials: Extract<BandwidthCredentials, { kind: "OAUTH" }>): string {
  const secret = createHash("sha256").update(credentials.clientSecret).digest("base64url");
  return `${credentials.tokenUrl} ${credentials.clientId} ${secret}`;
}

function statusOf(error: unknown): number | undefined {
  return (error as { response?: { status?: number } }).response?.status;
}
