import type { IncomingMessage } from "node:http";
import { forbidden, unauthorized } from "../http/bandwidth-errors";
import { basicCredentials } from "@/lib/bandwidth/basic-credentials";
import type { Reply } from "../http/kit";
import type { Account, SandboxState } from "../state";

/**
 * Basic auth with an account's API credentials, as Bandwidth checks it: no or unknown credentials
 * → 401; credentials of another account (or an account that does not exist) → 403.
 */
export function authenticate(state: SandboxState, request: IncomingMessage, accountId: string): { account: Account } | { reply: Reply } {
  const credentials = basicCredentials(request.headers.authorization);
  if (!credentials) return { reply: unauthorized() };
  const owner = [...state.accounts.values()].find(
    (account) => account.apiUsername === credentials.username && account.apiPassword === credentials.password,
  );
  if (!owner) return { reply: unauthorized() };
  if (owner.accountId !== accountId) return { reply: forbidden() };
  return { account: owner };
}
