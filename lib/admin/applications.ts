import "server-only";
import { randomBytes } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/session";
import { hashRandomSecret } from "@/lib/crypto/secret-hash";
import type { Db } from "@/lib/db";
import type { ApplicationCreate, ApplicationUpdate } from "@/lib/validations/admin";
import { recordAudit } from "./audit";
import { conflict, notFound, unprocessable } from "@/lib/errors";
import { isUniqueViolation, refuseEnvironment } from "./config-rules";

/**
 * Bandwidth messaging applications: the callback URL admins paste into Bandwidth, and the Basic
 * credentials Bandwidth sends with callbacks. Only a hash of a callback password is stored; a new
 * one is returned once, when it is made.
 */

export type NewCredentials = { username: string; password: string };

/** A strong pair for Bandwidth to send with callbacks: the password has 256 random bits. */
export function generateCallbackCredentials(): NewCredentials {
  return { username: `bandwidth-${randomBytes(4).toString("hex")}`, password: randomBytes(32).toString("base64url") };
}

const applicationSelect = {
  id: true,
  applicationId: true,
  name: true,
  source: true,
  createdAt: true,
  lastCallbackAt: true,
  lastCallbackResult: true,
  account: { select: { id: true, accountId: true, name: true } },
  callbackCredentials: {
    orderBy: { createdAt: "asc" },
    select: { id: true, username: true, expiresAt: true, createdAt: true },
  },
} as const;

/** Applications with the callback URL to paste into Bandwidth and the last callback received. */
export async function listApplications(database: Db, appUrl: string) {
  const rows = await database.bandwidthApplication.findMany({
    orderBy: { createdAt: "asc" },
    select: applicationSelect,
  });
  const last = await lastLoggedCallbacks(
    database,
    rows.map((row) => row.applicationId),
  );
  const now = Date.now();
  return rows.map((row) => {
    const logged = last.get(row.applicationId);
    // The newer of: the last callback stored (any outcome), the last one refused for its credentials.
    const refusedIsNewer = row.lastCallbackAt && (!logged || row.lastCallbackAt > logged.at);
    return {
      ...row,
      callbackUrl: callbackUrl(appUrl, row.applicationId),
      callbackCredentials: row.callbackCredentials.filter(
        (credential) => !credential.expiresAt || credential.expiresAt.getTime() > now,
      ),
      lastCallback: refusedIsNewer
        ? { at: row.lastCallbackAt, type: null, outcome: row.lastCallbackResult ?? "refused" }
        : (logged ?? null),
    };
  });
}

export function callbackUrl(appUrl: string, applicationId: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/webhooks/bandwidth/${applicationId}`;
}

async function lastLoggedCallbacks(database: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return new Map<string, { at: Date; outcome: string; type: string | null }>();
  const rows = await database.$queryRaw<
    Array<{ application_id: string; received_at: Date; outcome: string; type: string | null }>
  >`
    SELECT DISTINCT ON (application_id) application_id, received_at, outcome::text, type
    FROM callback_events WHERE application_id = ANY(${applicationIds}::text[])
    ORDER BY application_id, received_at DESC, id DESC`;
  return new Map(
    rows.map((row) => [row.application_id, { at: row.received_at, outcome: row.outcome, type: row.type }]),
  );
}

/** A new application with its first callback credentials, returned once (only their hash is kept). */
export async function createApplication(database: Db, actor: CurrentUser, input: ApplicationCreate, appUrl: string) {
  const credentials = generateCallbackCredentials();
  try {
    const application = await database.$transaction(async (tx) => {
      const account = await tx.bandwidthAccount.findUnique({ where: { id: input.accountId }, select: { id: true } });
      if (!account) throw unprocessable("accountId: no such Bandwidth account.");
      const created = await tx.bandwidthApplication.create({
        data: {
          applicationId: input.applicationId,
          name: input.name,
          accountId: account.id,
          callbackCredentials: {
            create: { username: credentials.username, passwordHash: hashRandomSecret(credentials.password) },
          },
        },
        select: applicationSelect,
      });
      await recordAudit(
        tx,
        actor.id,
        "application.create",
        { type: "application", id: created.id },
        {
          applicationId: created.applicationId,
          name: created.name,
          account: created.account.accountId,
          callbackUsername: credentials.username,
          callbackPassword: "generated",
        },
      );
      return created;
    });
    return {
      application: { ...application, callbackUrl: callbackUrl(appUrl, application.applicationId) },
      credentials,
    };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Application ${input.applicationId} is already configured.`);
    throw error;
  }
}

export async function updateApplication(database: Db, actor: CurrentUser, id: string, input: ApplicationUpdate) {
  return database.$transaction(async (tx) => {
    const current = await tx.bandwidthApplication.findUnique({ where: { id } });
    if (!current) throw notFound("No application with that id.");
    refuseEnvironment(current.source, "application");
    if (
      input.accountId &&
      !(await tx.bandwidthAccount.findUnique({ where: { id: input.accountId }, select: { id: true } }))
    ) {
      throw unprocessable("accountId: no such Bandwidth account.");
    }
    const updated = await tx.bandwidthApplication.update({ where: { id }, data: input, select: applicationSelect });
    await recordAudit(
      tx,
      actor.id,
      "application.update",
      { type: "application", id },
      {
        applicationId: current.applicationId,
        ...(input.name !== undefined && input.name !== current.name
          ? { name: { from: current.name, to: input.name } }
          : {}),
        ...(input.accountId !== undefined && input.accountId !== current.accountId
          ? { account: { to: updated.account.accountId } }
          : {}),
      },
    );
    return updated;
  });
}

/**
 * New callback credentials, shown once. The pairs in use keep working for `graceHours`, so
 * callbacks are not refused while the new pair is pasted into Bandwidth's dashboard.
 */
export async function rotateCallbackCredentials(
  database: Db,
  actor: CurrentUser,
  id: string,
  graceHours: number,
): Promise<NewCredentials> {
  const credentials = generateCallbackCredentials();
  await database.$transaction(async (tx) => {
    const application = await tx.bandwidthApplication.findUnique({ where: { id } });
    if (!application) throw notFound("No application with that id.");
    // The environment's pair would be put back on the next start: rotate it there.
    refuseEnvironment(application.source, "application's callback credentials (BANDWIDTH_CALLBACK_USERNAME/PASSWORD)");
    const until = new Date(Date.now() + graceHours * 3_600_000);
    await tx.callbackCredential.updateMany({
      where: { applicationId: id, OR: [{ expiresAt: null }, { expiresAt: { gt: until } }] },
      data: { expiresAt: until },
    });
    await tx.callbackCredential.create({
      data: { applicationId: id, username: credentials.username, passwordHash: hashRandomSecret(credentials.password) },
    });
    await recordAudit(
      tx,
      actor.id,
      "application.rotate_credentials",
      { type: "application", id },
      {
        applicationId: application.applicationId,
        callbackUsername: credentials.username,
        previousValidUntil: until.toISOString(),
      },
    );
  });
  return credentials;
}
