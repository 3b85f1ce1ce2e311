import "server-only";
import type { Db } from "@/lib/db";
import { listUsers } from "./team";

/**
 * What the admin area shows: configuration without secrets. API passwords are reported only as
 * set/not set; callback passwords are never stored in a readable form at all.
 */
export async function adminOverview(database: Db) {
  const [alerts, accounts, applications, numbers, users] = await Promise.all([
    database.adminAlert.findMany({ where: { resolvedAt: null }, orderBy: { createdAt: "desc" }, take: 20, select: { id: true, kind: true, message: true, createdAt: true } }),
    database.bandwidthAccount.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, accountId: true, name: true, messagingBaseUrl: true, apiUsername: true, apiPasswordEncrypted: true, source: true },
    }),
    database.bandwidthApplication.findMany({
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        applicationId: true,
        name: true,
        source: true,
        account: { select: { accountId: true, name: true } },
        callbackCredentials: { select: { username: true, expiresAt: true } },
      },
    }),
    database.phoneNumber.findMany({
      orderBy: { e164: "asc" },
      select: { id: true, e164: true, label: true, tollFree: true, allowAllAgents: true, source: true, application: { select: { name: true } } },
    }),
    listUsers(database),
  ]);
  const lastCallbacks = await lastCallbackPerApplication(database, applications.map((application) => application.applicationId));
  return {
    alerts,
    accounts: accounts.map(({ apiPasswordEncrypted, ...account }) => ({ ...account, apiPasswordSet: apiPasswordEncrypted.length > 0 })),
    applications: applications.map((application) => ({ ...application, lastCallback: lastCallbacks.get(application.applicationId) ?? null })),
    numbers,
    users,
  };
}


/** When each application's last callback arrived and what became of it, from the raw log. */
async function lastCallbackPerApplication(database: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return new Map<string, { at: Date; outcome: string; type: string | null }>();
  const rows = await database.$queryRaw<Array<{ application_id: string; received_at: Date; outcome: string; type: string | null }>>`
    SELECT DISTINCT ON (application_id) application_id, received_at, outcome::text, type
    FROM callback_events WHERE application_id = ANY(${applicationIds}::text[])
    ORDER BY application_id, received_at DESC, id DESC`;
  return new Map(rows.map((row) => [row.application_id, { at: row.received_at, outcome: row.outcome, type: row.type }]));
}
