import "server-only";
import type { Db } from "@/lib/db";

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
        lastCallbackAt: true,
        lastCallbackResult: true,
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
  return {
    alerts,
    accounts: accounts.map(({ apiPasswordEncrypted, ...account }) => ({ ...account, apiPasswordSet: apiPasswordEncrypted.length > 0 })),
    applications,
    numbers,
    users,
  };
}

export function listUsers(database: Db) {
  return database.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, lastSignInAt: true, createdAt: true },
  });
}
