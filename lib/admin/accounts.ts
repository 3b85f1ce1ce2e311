import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { BANDWIDTH_MESSAGING_URL } from "@/lib/bandwidth/endpoints";
import { encryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, notFound, unprocessable } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AccountCreate, AccountUpdate } from "@/lib/validations/admin";
import { raiseAlert, resolveAlertsFor } from "./alerts";
import { recordAudit } from "./audit";
import { isUniqueViolation, refuseEnvironment } from "./config-rules";

/**
 * Bandwidth accounts as admins manage them. The secret (client secret or legacy password) is
 * encrypted before it is stored and never returned (only whether one is set), nor logged, nor put
 * in the audit log; and it only ever goes where the admin typed it in with it.
 */

export type AccountSettings = {
  encryptionKey: string;
  /** The token endpoint of accounts that name none (BANDWIDTH_OAUTH_TOKEN_URL). */
  defaultTokenUrl: string;
  /** Plain http:// is allowed only for the embedded sandbox on a loopback address. */
  sandboxEnabled: boolean;
};

export function accountSettings(): AccountSettings {
  const config = env();
  return {
    encryptionKey: config.ENCRYPTION_KEY,
    defaultTokenUrl: config.BANDWIDTH_OAUTH_TOKEN_URL,
    sandboxEnabled: config.SANDBOX_ENABLED,
  };
}

const accountSelect = {
  id: true,
  accountId: true,
  name: true,
  messagingBaseUrl: true,
  tokenUrl: true,
  credentialKind: true,
  credentialId: true,
  credentialSecretEncrypted: true,
  source: true,
  createdAt: true,
  updatedAt: true,
} as const;

type AccountRow = Prisma.BandwidthAccountGetPayload<{ select: typeof accountSelect }>;

/** Never the secret, nor its ciphertext: only whether one is set, and what to do about a legacy user. */
function toAccountView({ credentialSecretEncrypted, ...account }: AccountRow) {
  return {
    ...account,
    credentialSecretSet: credentialSecretEncrypted.length > 0,
    legacyWarning: account.credentialKind === "LEGACY" ? legacyWarning(account.accountId) : null,
  };
}

export function legacyWarning(accountId: string): string {
  return `Account ${accountId} signs in with a legacy API user, which Bandwidth stops accepting on 2 December 2026. Create API credentials (client id and secret) in Bandwidth's dashboard under Account > API Credentials, with the Messaging role, and switch this account to them: its applications, numbers and history stay as they are.`;
}

export async function listAccounts(database: Db) {
  const rows = await database.bandwidthAccount.findMany({ orderBy: { createdAt: "asc" }, select: accountSelect });
  return rows.map(toAccountView);
}

export async function createAccount(database: Db, actor: CurrentUser, input: AccountCreate, settings: AccountSettings) {
  const messagingBaseUrl = input.messagingBaseUrl ?? BANDWIDTH_MESSAGING_URL;
  const tokenUrl = input.credentialKind === "OAUTH" ? (input.tokenUrl ?? settings.defaultTokenUrl) : null;
  checkEndpoints({ messagingBaseUrl, tokenUrl }, settings);
  try {
    return await database.$transaction(async (tx) => {
      const account = await tx.bandwidthAccount.create({
        data: {
          accountId: input.accountId,
          name: input.name,
          credentialKind: input.credentialKind,
          credentialId: input.credentialId,
          credentialSecretEncrypted: encryptSecret(input.credentialSecret, settings.encryptionKey),
          messagingBaseUrl,
          tokenUrl,
        },
        select: accountSelect,
      });
      await recordAudit(
        tx,
        actor.id,
        "account.create",
        { type: "account", id: account.id },
        {
          accountId: account.accountId,
          name: account.name,
          credentialKind: account.credentialKind,
          credentialId: account.credentialId,
          messagingBaseUrl: account.messagingBaseUrl,
          tokenUrl: account.tokenUrl,
          credentialSecret: "set",
        },
      );
      await noteLegacy(tx, account);
      return toAccountView(account);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Bandwidth account ${input.accountId} is already configured.`);
    throw error;
  }
}

/** Edits an account; switching from a legacy API user to API credentials keeps its applications, numbers and history. */
export async function updateAccount(
  database: Db,
  actor: CurrentUser,
  id: string,
  input: AccountUpdate,
  settings: AccountSettings,
) {
  return database.$transaction(async (tx) => {
    const current = await tx.bandwidthAccount.findUnique({ where: { id } });
    if (!current) throw notFound("No Bandwidth account with that id.");
    refuseEnvironment(current.source, "account");
    const kind = input.credentialKind ?? current.credentialKind;
    const next = {
      messagingBaseUrl: input.messagingBaseUrl ?? current.messagingBaseUrl,
      tokenUrl: kind === "OAUTH" ? (input.tokenUrl ?? current.tokenUrl ?? settings.defaultTokenUrl) : null,
    };
    const redirected = (["messagingBaseUrl", "tokenUrl"] as const).filter(
      (key) => input[key] !== undefined && input[key] !== current[key],
    );
    if (redirected.length > 0 && input.credentialSecret === undefined) {
      throw unprocessable(
        `credentialSecret: changing ${redirected.join(" and ")} sends the account's secret somewhere new, so enter the secret again in the same change.`,
      );
    }
    checkEndpoints(next, settings);
    const account = await tx.bandwidthAccount.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.credentialId !== undefined ? { credentialId: input.credentialId } : {}),
        ...(input.credentialSecret !== undefined
          ? { credentialSecretEncrypted: encryptSecret(input.credentialSecret, settings.encryptionKey) }
          : {}),
        credentialKind: kind,
        ...next,
      },
      select: accountSelect,
    });
    const changed = Object.fromEntries(
      (["name", "credentialKind", "credentialId", "messagingBaseUrl", "tokenUrl"] as const)
        .filter((key) => account[key] !== current[key])
        .map((key) => [key, { from: current[key], to: account[key] }]),
    );
    await recordAudit(
      tx,
      actor.id,
      "account.update",
      { type: "account", id },
      {
        accountId: current.accountId,
        ...changed,
        ...(input.credentialSecret !== undefined ? { credentialSecret: "replaced" } : {}),
      },
    );
    // New credentials are the fix for rejected ones: their alert closes (it reopens if they fail too).
    if (input.credentialSecret !== undefined || input.credentialId !== undefined) {
      await resolveAlertsFor(tx, "bandwidth.credentials_rejected", id);
    }
    await noteLegacy(tx, account);
    return toAccountView(account);
  });
}

/** A legacy account is on the admins' alert list until it is switched to API credentials. */
export async function noteLegacy(
  tx: Db | Prisma.TransactionClient,
  account: { id: string; accountId: string; credentialKind: string },
): Promise<void> {
  if (account.credentialKind === "LEGACY") {
    await raiseAlert(tx, {
      kind: "bandwidth.legacy_credentials",
      accountId: account.id,
      message: legacyWarning(account.accountId),
    });
  } else {
    await resolveAlertsFor(tx, "bandwidth.legacy_credentials", account.id);
  }
}

/** Secrets go over https only, but to the embedded sandbox on this machine. */
function checkEndpoints(urls: { messagingBaseUrl: string; tokenUrl: string | null }, settings: AccountSettings) {
  for (const [field, value] of Object.entries(urls)) {
    if (value === null) continue;
    const url = new URL(value);
    if (url.protocol === "https:") continue;
    const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname) || url.hostname.startsWith("127.");
    if (url.protocol === "http:" && loopback && settings.sandboxEnabled) continue;
    throw unprocessable(
      `${field}: use https:// (plain http:// would send the secret unencrypted; it is allowed only for the embedded sandbox on this machine).`,
    );
  }
}
