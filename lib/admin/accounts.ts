import "server-only";
import { Configuration, MediaApi } from "bandwidth-sdk";
import type { CurrentUser } from "@/lib/auth/session";
import { BANDWIDTH_MESSAGING_URL } from "@/lib/bandwidth/endpoints";
import { classify } from "@/lib/bandwidth/messaging-client";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import type { AccountCreate, AccountUpdate } from "@/lib/validations/admin";
import { resolveAlertsFor } from "./alerts";
import { recordAudit } from "./audit";
import { conflict, notFound } from "@/lib/errors";
import { isUniqueViolation, refuseEnvironment } from "./config-rules";

/**
 * Bandwidth accounts as admins manage them. The API password is encrypted before it is stored and
 * never returned (only whether one is set), nor logged, nor put in the audit log.
 */

const accountView = {
  id: true,
  accountId: true,
  name: true,
  messagingBaseUrl: true,
  apiUsername: true,
  apiPasswordEncrypted: true,
  source: true,
  createdAt: true,
  updatedAt: true,
} as const;

type AccountRow = { apiPasswordEncrypted: string } & Record<string, unknown>;
/** Never the secret, nor its ciphertext: only whether one is set. */
const toAccountView = <T extends AccountRow>({ apiPasswordEncrypted, ...account }: T) => ({
  ...account,
  apiPasswordSet: apiPasswordEncrypted.length > 0,
});

export async function listAccounts(database: Db) {
  const rows = await database.bandwidthAccount.findMany({ orderBy: { createdAt: "asc" }, select: accountView });
  return rows.map(toAccountView);
}

export async function createAccount(database: Db, actor: CurrentUser, input: AccountCreate, encryptionKey: string) {
  try {
    return await database.$transaction(async (tx) => {
      const account = await tx.bandwidthAccount.create({
        data: {
          accountId: input.accountId,
          name: input.name,
          apiUsername: input.apiUsername,
          apiPasswordEncrypted: encryptSecret(input.apiPassword, encryptionKey),
          messagingBaseUrl: input.messagingBaseUrl ?? BANDWIDTH_MESSAGING_URL,
        },
        select: accountView,
      });
      await recordAudit(
        tx,
        actor.id,
        "account.create",
        { type: "account", id: account.id },
        {
          accountId: account.accountId,
          name: account.name,
          apiUsername: account.apiUsername,
          messagingBaseUrl: account.messagingBaseUrl,
          apiPassword: "set",
        },
      );
      return toAccountView(account);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Bandwidth account ${input.accountId} is already configured.`);
    throw error;
  }
}

export async function updateAccount(
  database: Db,
  actor: CurrentUser,
  id: string,
  input: AccountUpdate,
  encryptionKey: string,
) {
  return database.$transaction(async (tx) => {
    const current = await tx.bandwidthAccount.findUnique({ where: { id } });
    if (!current) throw notFound("No Bandwidth account with that id.");
    refuseEnvironment(current.source, "account");
    const account = await tx.bandwidthAccount.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.apiUsername !== undefined ? { apiUsername: input.apiUsername } : {}),
        ...(input.messagingBaseUrl !== undefined ? { messagingBaseUrl: input.messagingBaseUrl } : {}),
        ...(input.apiPassword !== undefined
          ? { apiPasswordEncrypted: encryptSecret(input.apiPassword, encryptionKey) }
          : {}),
      },
      select: accountView,
    });
    const changed = Object.fromEntries(
      (["name", "apiUsername", "messagingBaseUrl"] as const)
        .filter((key) => input[key] !== undefined && input[key] !== current[key])
        .map((key) => [key, { from: current[key], to: input[key] }]),
    );
    await recordAudit(
      tx,
      actor.id,
      "account.update",
      { type: "account", id },
      {
        accountId: current.accountId,
        ...changed,
        ...(input.apiPassword !== undefined ? { apiPassword: "replaced" } : {}),
      },
    );
    // New credentials are the fix for rejected ones: their alert closes (it reopens if they fail too).
    if (input.apiPassword !== undefined || input.apiUsername !== undefined)
      await resolveAlertsFor(tx, "bandwidth.credentials_rejected", id);
    return toAccountView(account);
  });
}

export type ConnectionResult = { ok: boolean; message: string };

/**
 * "Test connection": one authenticated call to Bandwidth with the stored credentials (the first
 * page of the account's media, which reads nothing and changes nothing), reported in words.
 */
export async function testAccountConnection(
  database: Db,
  id: string,
  encryptionKey: string,
  timeoutMs: number,
): Promise<ConnectionResult> {
  const account = await database.bandwidthAccount.findUnique({ where: { id } });
  if (!account) throw notFound("No Bandwidth account with that id.");
  const api = new MediaApi(
    new Configuration({
      username: account.apiUsername,
      password: decryptSecret(account.apiPasswordEncrypted, encryptionKey),
      basePath: account.messagingBaseUrl.replace(/\/+$/, ""),
      baseOptions: { timeout: timeoutMs },
    }),
  );
  try {
    await api.listMedia(account.accountId);
    return { ok: true, message: `Connected: Bandwidth accepted the credentials for account ${account.accountId}.` };
  } catch (error) {
    const outcome = classify(error);
    switch (outcome.kind) {
      case "unauthorized":
        return {
          ok: false,
          message: `Bandwidth rejected the credentials (HTTP ${outcome.status}): check the API username and password, and that the user has the Messaging role on account ${account.accountId}.`,
        };
      case "rejected":
        return { ok: false, message: `Bandwidth refused the request: ${outcome.detail}` };
      case "rate-limited":
        return {
          ok: false,
          message: `Bandwidth is rate limiting this account right now (429); the credentials could not be checked. Try again in a minute.`,
        };
      default:
        return {
          ok: false,
          message: `Could not reach Bandwidth at ${account.messagingBaseUrl}: ${"detail" in outcome ? outcome.detail : "no answer"}.`,
        };
    }
  }
}
