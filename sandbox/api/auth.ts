import type { IncomingMessage } from "node:http";
import type { Clock } from "../clock";
import { forbidden, unauthorized } from "../http/bandwidth-errors";
import { basicCredentials } from "@/lib/bandwidth/basic-credentials";
import type { Reply } from "../http/kit";
import type { Account, SandboxState } from "../state";

export type AuthDeps = { state: SandboxState; clock: Clock };

/**
 * Authenticates an API request as Bandwidth does from 2 December 2026: `Bearer <access token>`
 * from the OAuth 2.0 token endpoint; legacy Basic (API user) only while the sandbox still accepts
 * it. Missing, unknown, expired or revoked credentials → 401; credentials of another account (or
 * of an account that does not exist) → 403.
 */
export function authenticate(
  deps: AuthDeps,
  request: IncomingMessage,
  accountId: string,
): { account: Account } | { reply: Reply } {
  const ownerId = authenticatedAccount(deps, request.headers.authorization);
  if (!ownerId) return { reply: unauthorized() };
  if (ownerId !== accountId) return { reply: forbidden() };
  const account = deps.state.accounts.get(ownerId);
  return account ? { account } : { reply: forbidden() };
}

/**
 * Who is calling, for the request log: the client id of a live token, or the user name of Basic
 * credentials (whether or not they are right, so a refused legacy call shows who made it). Never
 * a secret or a token.
 */
export function caller(deps: AuthDeps, header: string | undefined): string | null {
  const token = bearerToken(header);
  if (token) return deps.state.credentials.tokenClient(token, deps.clock.now())?.clientId ?? null;
  return basicCredentials(header)?.username ?? null;
}

function authenticatedAccount({ state, clock }: AuthDeps, header: string | undefined): string | undefined {
  const token = bearerToken(header);
  if (token) return state.credentials.tokenClient(token, clock.now())?.accountId;
  const credentials = basicCredentials(header);
  if (!credentials || state.legacyBasicAuth !== "accepted") return undefined;
  const owner = [...state.accounts.values()].find(
    (account) => account.apiUsername === credentials.username && account.apiPassword === credentials.password,
  );
  return owner?.accountId;
}

function bearerToken(header: string | undefined): string | null {
  return /^Bearer\s+([A-Za-z0-9\-._~+/]+=*)\s*$/i.exec(header ?? "")?.[1] ?? null;
}
