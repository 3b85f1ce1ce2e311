import "server-only";
import { accessForAccount } from "@/lib/bandwidth/credentials";
import { checkCredentials } from "@/lib/bandwidth/messaging-client";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";

export type ConnectionResult = { ok: boolean; kind: "OAUTH" | "LEGACY"; message: string };

const KIND_NAME = { OAUTH: "API credentials (OAuth 2.0)", LEGACY: "the legacy API user" } as const;

/**
 * "Test connection": one authenticated call to Bandwidth with the stored credentials (the first
 * page of the account's media, which reads nothing and changes nothing; with API credentials, a
 * token first), reported in words with the kind of credentials it used.
 */
export async function testAccountConnection(
  database: Db,
  id: string,
  settings: { encryptionKey: string; timeoutMs: number },
): Promise<ConnectionResult> {
  const account = await database.bandwidthAccount.findUnique({ where: { id } });
  if (!account) throw notFound("No Bandwidth account with that id.");
  const kind = account.credentialKind;
  const using = KIND_NAME[kind];
  const outcome = await checkCredentials(accessForAccount(account, settings.encryptionKey), settings.timeoutMs);
  const fail = (message: string): ConnectionResult => ({ ok: false, kind, message });
  switch (outcome.kind) {
    case "accepted":
      return {
        ok: true,
        kind,
        message:
          kind === "OAUTH"
            ? `Connected with ${using}: Bandwidth issued a token and accepted it for account ${account.accountId}.`
            : `Connected with ${using} for account ${account.accountId}, but Bandwidth stops accepting legacy API users on 2 December 2026: switch this account to API credentials.`,
      };
    case "unauthorized":
      return fail(
        kind === "OAUTH"
          ? `${outcome.detail}, using ${using}: check the client id and secret, that the secret has not expired or been rotated, and that the credentials have the Messaging role on account ${account.accountId}.`
          : `${outcome.detail}, using ${using}: check the username and password and that the user has the Messaging role on account ${account.accountId}. Legacy API users stop working on 2 December 2026.`,
      );
    case "rejected":
      return fail(`Bandwidth refused the request (using ${using}): ${outcome.detail}`);
    case "rate-limited":
      return fail(
        `Bandwidth is rate limiting this account right now (429); the credentials could not be checked. Try again in a minute.`,
      );
    default:
      return fail(`Could not reach Bandwidth for account ${account.accountId}: ${outcome.detail}.`);
  }
}
