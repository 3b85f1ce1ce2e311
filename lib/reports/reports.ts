import "server-only";
import { canViewDeliveryReport, canViewTeamReport, type Actor } from "@/lib/auth/policies";
import { viewerScope } from "@/lib/conversations/viewer-scope";
import type { Db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { env } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import type { DeliveryReport, FailuresPage, FailuresQuery, ReportQuery, TeamReport } from "@/lib/validations/reports";
import { deliveryReport } from "./delivery-report";
import { failedConversations } from "./failures";
import { numbersFor } from "./report-range";
import { recomputeWindowHours, refreshRollups } from "./rollup";
import { teamReport } from "./team-report";

// The reports' entry points: who may see what (lib/auth/policies.ts), over which numbers, then the figures.

export async function loadDeliveryReport(database: Db, actor: Actor, query: ReportQuery): Promise<DeliveryReport> {
  if (!canViewDeliveryReport(actor)) throw forbidden("The delivery report is for admins.");
  return deliveryReport(database, query, numbersFor(await viewerScope(database, actor), query));
}

export async function loadFailedConversations(database: Db, actor: Actor, query: FailuresQuery): Promise<FailuresPage> {
  if (!canViewDeliveryReport(actor)) throw forbidden("The delivery report is for admins.");
  return failedConversations(database, query, numbersFor(await viewerScope(database, actor), query));
}

export async function loadTeamReport(database: Db, actor: Actor, query: ReportQuery): Promise<TeamReport> {
  if (!canViewTeamReport(actor)) throw forbidden("Reports are for people of the inbox.");
  return teamReport(database, query, numbersFor(await viewerScope(database, actor), query));
}

/** How many hours back each minute's run rebuilds (covers Bandwidth's retries and the catch-up's look-back). */
export function rollupWindowHours(): number {
  return recomputeWindowHours(env().CATCH_UP_LOOKBACK_SECONDS);
}

/** Admins' "Refresh now": brings the figures up to date at once (waiting for a run in progress). */
export async function refreshReportsNow(actor: Actor): Promise<{ asOf: string; ms: number }> {
  if (!canViewDeliveryReport(actor)) throw forbidden("Refreshing the reports is for admins.");
  const run = await refreshRollups(pgPool(), { windowHours: rollupWindowHours(), wait: true });
  return { asOf: new Date().toISOString(), ms: run.ms };
}
