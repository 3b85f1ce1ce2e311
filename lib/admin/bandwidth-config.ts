import "server-only";
import { randomBytes } from "node:crypto";
import { Configuration, MediaApi } from "bandwidth-sdk";
import type { CurrentUser } from "@/lib/auth/session";
import { BANDWIDTH_MESSAGING_URL } from "@/lib/bandwidth/endpoints";
import { isTollFree, normalisePhoneNumber } from "@/lib/bandwidth/phone-number";
import { classify } from "@/lib/bandwidth/messaging-client";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { hashRandomSecret } from "@/lib/crypto/secret-hash";
import type { Db } from "@/lib/db";
import type { ConfigSource } from "@/lib/generated/prisma/enums";
import { HttpError } from "@/lib/http";
import {
  type AccountCreate,
  type AccountUpdate,
  type ApplicationCreate,
  type ApplicationUpdate,
  type NumberCreate,
  type NumberUpdate,
} from "@/lib/validations/admin";
import { recordAudit } from "./audit";

/**
 * Bandwidth accounts, applications and numbers, as admins manage them. Every change is audited in
 * its own transaction; secrets are encrypted (API passwords) or hashed (callback passwords) before
 * they are stored and are never returned, except a new callback password, once. What the BANDWIDTH_*
 * environment set is re-applied on every start, so it is read-only here.
 */

const conflict = (message: string) => new HttpError(409, "conflict", message);
const notFound = (what: string) => new HttpError(404, "not_found", `No ${what} with that id.`);

function refuseEnvironment(source: ConfigSource, what: string) {
  if (source === "ENVIRONMENT") throw conflict(`This ${what} is set by the BANDWIDTH_* environment variables and re-applied on every start: change it there.`);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

// ─── accounts ───

const accountView = {
  id: true, accountId: true, name: true, messagingBaseUrl: true, apiUsername: true, apiPasswordEncrypted: true, source: true, createdAt: true, updatedAt: true,
} as const;

type AccountRow = { apiPasswordEncrypted: string } & Record<string, unknown>;
/** Never the secret, nor its ciphertext: only whether one is set. */
const toAccountView = <T extends AccountRow>({ apiPasswordEncrypted, ...account }: T) => ({ ...account, apiPasswordSet: apiPasswordEncrypted.length > 0 });

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
      await recordAudit(tx, actor.id, "account.create", { type: "account", id: account.id }, {
        accountId: account.accountId, name: account.name, apiUsername: account.apiUsername, messagingBaseUrl: account.messagingBaseUrl, apiPassword: "set",
      });
      return toAccountView(account);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Bandwidth account ${input.accountId} is already configured.`);
    throw error;
  }
}

export async function updateAccount(database: Db, actor: CurrentUser, id: string, input: AccountUpdate, encryptionKey: string) {
  return database.$transaction(async (tx) => {
    const current = await tx.bandwidthAccount.findUnique({ where: { id } });
    if (!current) throw notFound("Bandwidth account");
    refuseEnvironment(current.source, "account");
    const account = await tx.bandwidthAccount.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.apiUsername !== undefined ? { apiUsername: input.apiUsername } : {}),
        ...(input.messagingBaseUrl !== undefined ? { messagingBaseUrl: input.messagingBaseUrl } : {}),
        ...(input.apiPassword !== undefined ? { apiPasswordEncrypted: encryptSecret(input.apiPassword, encryptionKey) } : {}),
      },
      select: accountView,
    });
    const changed = Object.fromEntries(
      (["name", "apiUsername", "messagingBaseUrl"] as const).filter((key) => input[key] !== undefined && input[key] !== current[key]).map((key) => [key, { from: current[key], to: input[key] }]),
    );
    await recordAudit(tx, actor.id, "account.update", { type: "account", id }, { accountId: current.accountId, ...changed, ...(input.apiPassword !== undefined ? { apiPassword: "replaced" } : {}) });
    return toAccountView(account);
  });
}

export type ConnectionResult = { ok: boolean; message: string };

/**
 * "Test connection": one authenticated call to Bandwidth with the stored credentials (the first
 * page of the account's media, which reads nothing and changes nothing), reported in words.
 */
export async function testAccountConnection(database: Db, id: string, encryptionKey: string, timeoutMs: number): Promise<ConnectionResult> {
  const account = await database.bandwidthAccount.findUnique({ where: { id } });
  if (!account) throw notFound("Bandwidth account");
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
        return { ok: false, message: `Bandwidth rejected the credentials (HTTP ${outcome.status}): check the API username and password, and that the user has the Messaging role on account ${account.accountId}.` };
      case "rejected":
        return { ok: false, message: `Bandwidth refused the request: ${outcome.detail}` };
      case "rate-limited":
        return { ok: false, message: `Bandwidth is rate limiting this account right now (429); the credentials could not be checked. Try again in a minute.` };
      default:
        return { ok: false, message: `Could not reach Bandwidth at ${account.messagingBaseUrl}: ${"detail" in outcome ? outcome.detail : "no answer"}.` };
    }
  }
}

// ─── applications ───

export type NewCredentials = { username: string; password: string };

/** A strong pair for Bandwidth to send with callbacks: the password has 256 random bits. */
export function generateCallbackCredentials(): NewCredentials {
  return { username: `bandwidth-${randomBytes(4).toString("hex")}`, password: randomBytes(32).toString("base64url") };
}

const applicationSelect = {
  id: true, applicationId: true, name: true, source: true, createdAt: true, lastCallbackAt: true, lastCallbackResult: true,
  account: { select: { id: true, accountId: true, name: true } },
  callbackCredentials: { orderBy: { createdAt: "asc" }, select: { id: true, username: true, expiresAt: true, createdAt: true } },
} as const;

/** Applications with the callback URL to paste into Bandwidth and the last callback received. */
export async function listApplications(database: Db, appUrl: string) {
  const rows = await database.bandwidthApplication.findMany({ orderBy: { createdAt: "asc" }, select: applicationSelect });
  const last = await lastLoggedCallbacks(database, rows.map((row) => row.applicationId));
  const now = Date.now();
  return rows.map((row) => {
    const logged = last.get(row.applicationId);
    // The newer of: the last callback stored (any outcome), the last one refused for its credentials.
    const refusedIsNewer = row.lastCallbackAt && (!logged || row.lastCallbackAt > logged.at);
    return {
      ...row,
      callbackUrl: callbackUrl(appUrl, row.applicationId),
      callbackCredentials: row.callbackCredentials.filter((credential) => !credential.expiresAt || credential.expiresAt.getTime() > now),
      lastCallback: refusedIsNewer ? { at: row.lastCallbackAt, type: null, outcome: row.lastCallbackResult ?? "refused" } : (logged ?? null),
    };
  });
}

export function callbackUrl(appUrl: string, applicationId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/webhooks/bandwidth/${applicationId}`;
}

async function lastLoggedCallbacks(database: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return new Map<string, { at: Date; outcome: string; type: string | null }>();
  const rows = await database.$queryRaw<Array<{ application_id: string; received_at: Date; outcome: string; type: string | null }>>`
    SELECT DISTINCT ON (application_id) application_id, received_at, outcome::text, type
    FROM callback_events WHERE application_id = ANY(${applicationIds}::text[])
    ORDER BY application_id, received_at DESC, id DESC`;
  return new Map(rows.map((row) => [row.application_id, { at: row.received_at, outcome: row.outcome, type: row.type }]));
}

/** A new application with its first callback credentials, returned once (only their hash is kept). */
export async function createApplication(database: Db, actor: CurrentUser, input: ApplicationCreate, appUrl: string) {
  const credentials = generateCallbackCredentials();
  try {
    const application = await database.$transaction(async (tx) => {
      const account = await tx.bandwidthAccount.findUnique({ where: { id: input.accountId }, select: { id: true } });
      if (!account) throw new HttpError(422, "unprocessable", "accountId: no such Bandwidth account.");
      const created = await tx.bandwidthApplication.create({
        data: {
          applicationId: input.applicationId,
          name: input.name,
          accountId: account.id,
          callbackCredentials: { create: { username: credentials.username, passwordHash: hashRandomSecret(credentials.password) } },
        },
        select: applicationSelect,
      });
      await recordAudit(tx, actor.id, "application.create", { type: "application", id: created.id }, {
        applicationId: created.applicationId, name: created.name, account: created.account.accountId, callbackUsername: credentials.username, callbackPassword: "generated",
      });
      return created;
    });
    return { application: { ...application, callbackUrl: callbackUrl(appUrl, application.applicationId) }, credentials };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Application ${input.applicationId} is already configured.`);
    throw error;
  }
}

export async function updateApplication(database: Db, actor: CurrentUser, id: string, input: ApplicationUpdate) {
  return database.$transaction(async (tx) => {
    const current = await tx.bandwidthApplication.findUnique({ where: { id } });
    if (!current) throw notFound("application");
    refuseEnvironment(current.source, "application");
    if (input.accountId && !(await tx.bandwidthAccount.findUnique({ where: { id: input.accountId }, select: { id: true } }))) {
      throw new HttpError(422, "unprocessable", "accountId: no such Bandwidth account.");
    }
    const updated = await tx.bandwidthApplication.update({ where: { id }, data: input, select: applicationSelect });
    await recordAudit(tx, actor.id, "application.update", { type: "application", id }, {
      applicationId: current.applicationId,
      ...(input.name !== undefined && input.name !== current.name ? { name: { from: current.name, to: input.name } } : {}),
      ...(input.accountId !== undefined && input.accountId !== current.accountId ? { account: { to: updated.account.accountId } } : {}),
    });
    return updated;
  });
}

/**
 * New callback credentials, shown once. The pairs in use keep working for `graceHours`, so
 * callbacks are not refused while the new pair is pasted into Bandwidth's dashboard.
 */
export async function rotateCallbackCredentials(database: Db, actor: CurrentUser, id: string, graceHours: number): Promise<NewCredentials> {
  const credentials = generateCallbackCredentials();
  await database.$transaction(async (tx) => {
    const application = await tx.bandwidthApplication.findUnique({ where: { id } });
    if (!application) throw notFound("application");
    // The environment's pair would be put back on the next start: rotate it there.
    refuseEnvironment(application.source, "application's callback credentials (BANDWIDTH_CALLBACK_USERNAME/PASSWORD)");
    const until = new Date(Date.now() + graceHours * 3_600_000);
    await tx.callbackCredential.updateMany({ where: { applicationId: id, OR: [{ expiresAt: null }, { expiresAt: { gt: until } }] }, data: { expiresAt: until } });
    await tx.callbackCredential.create({ data: { applicationId: id, username: credentials.username, passwordHash: hashRandomSecret(credentials.password) } });
    await recordAudit(tx, actor.id, "application.rotate_credentials", { type: "application", id }, {
      applicationId: application.applicationId, callbackUsername: credentials.username, previousValidUntil: until.toISOString(),
    });
  });
  return credentials;
}

// ─── numbers ───

const numberSelect = {
  id: true, e164: true, label: true, tollFree: true, allowAllAgents: true, source: true, createdAt: true,
  application: { select: { id: true, applicationId: true, name: true } },
  agents: { select: { user: { select: { id: true, name: true, email: true } } } },
} as const;

export async function listNumbers(database: Db) {
  const rows = await database.phoneNumber.findMany({ orderBy: { e164: "asc" }, select: numberSelect });
  return rows.map(({ agents, ...number }) => ({ ...number, agents: agents.map((agent) => agent.user) }));
}

async function checkAgents(tx: Pick<Db, "user">, agentIds: string[]) {
  if (agentIds.length === 0) return;
  const found = await tx.user.count({ where: { id: { in: agentIds } } });
  if (found !== new Set(agentIds).size) throw new HttpError(422, "unprocessable", "agentIds: one of them is not a user.");
}

export async function createNumber(database: Db, actor: CurrentUser, input: NumberCreate) {
  const normalised = normalisePhoneNumber(input.e164);
  if (!normalised || normalised.e164 !== input.e164) throw new HttpError(422, "unprocessable", `e164: ${input.e164} is not a possible phone number.`);
  try {
    return await database.$transaction(async (tx) => {
      const application = await tx.bandwidthApplication.findUnique({ where: { id: input.applicationId }, select: { id: true, applicationId: true } });
      if (!application) throw new HttpError(422, "unprocessable", "applicationId: no such application.");
      await checkAgents(tx, input.agentIds);
      const number = await tx.phoneNumber.create({
        data: {
          e164: input.e164,
          label: input.label || null,
          applicationId: application.id,
          tollFree: isTollFree(input.e164),
          allowAllAgents: input.allowAllAgents,
          agents: { create: [...new Set(input.agentIds)].map((userId) => ({ userId })) },
        },
        select: numberSelect,
      });
      await recordAudit(tx, actor.id, "number.create", { type: "number", id: number.id }, {
        e164: number.e164, label: number.label, application: application.applicationId, tollFree: number.tollFree, allowAllAgents: number.allowAllAgents, agentIds: input.agentIds,
      });
      return { ...number, agents: number.agents.map((agent) => agent.user) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`${input.e164} is already one of our numbers.`);
    throw error;
  }
}

export async function updateNumber(database: Db, actor: CurrentUser, id: string, input: NumberUpdate) {
  return database.$transaction(async (tx) => {
    const current = await tx.phoneNumber.findUnique({ where: { id }, include: { agents: true } });
    if (!current) throw notFound("number");
    if (current.source === "ENVIRONMENT" && input.applicationId !== undefined && input.applicationId !== current.applicationId) {
      refuseEnvironment(current.source, "number's application");
    }
    if (input.applicationId && !(await tx.bandwidthApplication.findUnique({ where: { id: input.applicationId }, select: { id: true } }))) {
      throw new HttpError(422, "unprocessable", "applicationId: no such application.");
    }
    if (input.agentIds) {
      await checkAgents(tx, input.agentIds);
      await tx.phoneNumberAgent.deleteMany({ where: { phoneNumberId: id } });
      await tx.phoneNumberAgent.createMany({ data: [...new Set(input.agentIds)].map((userId) => ({ phoneNumberId: id, userId })) });
    }
    const number = await tx.phoneNumber.update({
      where: { id },
      data: {
        ...(input.label !== undefined ? { label: input.label || null } : {}),
        ...(input.applicationId !== undefined ? { applicationId: input.applicationId } : {}),
        ...(input.allowAllAgents !== undefined ? { allowAllAgents: input.allowAllAgents } : {}),
      },
      select: numberSelect,
    });
    await recordAudit(tx, actor.id, "number.update", { type: "number", id }, { e164: current.e164, ...input });
    return { ...number, agents: number.agents.map((agent) => agent.user) };
  });
}

export async function deleteNumber(database: Db, actor: CurrentUser, id: string) {
  await database.$transaction(async (tx) => {
    const current = await tx.phoneNumber.findUnique({ where: { id } });
    if (!current) throw notFound("number");
    refuseEnvironment(current.source, "number");
    await tx.phoneNumber.delete({ where: { id } });
    await recordAudit(tx, actor.id, "number.delete", { type: "number", id }, { e164: current.e164 });
  });
}
