import { randomBytes, randomUUID, timingSafeEqual } from "node:crypto";

export type ApiClient = { accountId: string; clientId: string; clientSecret: string };

type IssuedToken = { clientId: string; expiresAt: number };

/** What Bandwidth's token endpoint reports as a token's lifetime (`expires_in`, seconds). */
export const TOKEN_LIFETIME_SECONDS = 3600;

/**
 * The OAuth 2.0 API credentials of every account (several clients per account, as Bandwidth's
 * "API Credentials" page allows) and the access tokens issued to them. A token is only as good as
 * the client and secret it was issued for: rotating the secret or revoking the client ends every
 * token of that client at once.
 */
export class ApiCredentials {
  private readonly clients = new Map<string, ApiClient>();
  private readonly tokens = new Map<string, IssuedToken>();

  /** Adds a client; undefined when the client id is taken (client ids are unique across accounts). */
  add(accountId: string, clientId: string = randomUUID(), clientSecret = newSecret()): ApiClient | undefined {
    if (this.clients.has(clientId)) return undefined;
    const client = { accountId, clientId, clientSecret };
    this.clients.set(clientId, client);
    return client;
  }

  get(clientId: string): ApiClient | undefined {
    return this.clients.get(clientId);
  }

  ofAccount(accountId: string): ApiClient[] {
    return [...this.clients.values()].filter((client) => client.accountId === accountId);
  }

  /** The client these credentials belong to, or undefined for an unknown client or a wrong secret. */
  verify(clientId: string, clientSecret: string): ApiClient | undefined {
    const client = this.clients.get(clientId);
    return client && sameSecret(client.clientSecret, clientSecret) ? client : undefined;
  }

  /** A new secret: the old one and every token issued with it stop working. */
  rotate(clientId: string, clientSecret = newSecret()): ApiClient | undefined {
    const client = this.clients.get(clientId);
    if (!client) return undefined;
    client.clientSecret = clientSecret;
    this.revokeTokens(clientId);
    return client;
  }

  revoke(clientId: string): boolean {
    this.revokeTokens(clientId);
    return this.clients.delete(clientId);
  }

  /** An opaque token for `client`, valid until `expiresAt` (epoch ms on the sandbox's clock). */
  issue(client: ApiClient, expiresAt: number, now: number): string {
    this.forgetExpired(now);
    const token = randomBytes(32).toString("base64url");
    this.tokens.set(token, { clientId: client.clientId, expiresAt });
    return token;
  }

  /** The client a token was issued to, while the token is unexpired and unrevoked. */
  tokenClient(token: string, now: number): ApiClient | undefined {
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt <= now) {
      this.tokens.delete(token);
      return undefined;
    }
    return this.clients.get(issued.clientId);
  }

  activeTokens(clientId: string, now: number): number {
    return [...this.tokens.values()].filter((issued) => issued.clientId === clientId && issued.expiresAt > now).length;
  }

  private revokeTokens(clientId: string): void {
    for (const [token, issued] of this.tokens) if (issued.clientId === clientId) this.tokens.delete(token);
  }

  private forgetExpired(now: number): void {
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(token);
  }
}

function newSecret(): string {
  return randomBytes(24).toString("base64url");
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
