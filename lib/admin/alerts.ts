import "server-only";
import type { Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "./audit";

// Problems only an admin can fix (Bandwidth refusing an account's credentials…), shown on /admin
// until an admin resolves them or fixes the cause.

export type AlertKind = "bandwidth.credentials_rejected" | "bandwidth.legacy_credentials";

/**
 * Raises an alert, once: while one of the same kind for the same account is open, a repeat only
 * refreshes nothing (a hundred failing sends make one alert, not a hundred).
 */
export async function raiseAlert(
  database: Db | Prisma.TransactionClient,
  alert: { kind: AlertKind; accountId: string | null; message: string },
): Promise<void> {
  const open = await database.adminAlert.findFirst({
    where: { kind: alert.kind, accountId: alert.accountId, resolvedAt: null },
    select: { id: true },
  });
  if (!open) await database.adminAlert.create({ data: alert });
}

/** Open alerts, newest first. */
export async function listOpenAlerts(database: Db) {
  return database.adminAlert.findMany({
    where: { resolvedAt: null },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, kind: true, message: true, createdAt: true },
  });
}

/** An admin marks an alert as dealt with (audited). Idempotent. */
export async function resolveAlert(database: Db, actor: Actor, alertId: string): Promise<void> {
  await database.$transaction(async (tx) => {
    const alert = await tx.adminAlert.findUnique({
      where: { id: alertId },
      select: { kind: true, resolvedAt: true, accountId: true },
    });
    if (!alert) throw notFound("No alert with that id.");
    if (alert.resolvedAt) return;
    await tx.adminAlert.update({ where: { id: alertId }, data: { resolvedAt: new Date() } });
    await recordAudit(tx, actor.id, "alert.resolve", { type: "account", id: alert.accountId }, { kind: alert.kind });
  });
}

/** The cause went away (an admin changed the account's credentials): its alerts of that kind close. */
export async function resolveAlertsFor(
  tx: Prisma.TransactionClient,
  kind: AlertKind,
  accountId: string,
): Promise<void> {
  await tx.adminAlert.updateMany({ where: { kind, accountId, resolvedAt: null }, data: { resolvedAt: new Date() } });
}
