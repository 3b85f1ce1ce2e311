import "server-only";
import { canManageOptOuts } from "@/lib/auth/policies";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/admin/audit";
import type { Db } from "@/lib/db";
import { forbidden, HttpError, notFound } from "@/lib/errors";
import type { AccountConsentSettings, AdminOptOutView, OptOutPage } from "@/lib/validations/consent";
import { csvHeader, csvRow } from "./consent-csv";
import { effectiveConsentSettings } from "./consent-replies";
import { OPT_OUT_VIEW_COLUMNS, toOptOutView, type OptOutRow } from "./consent-store";

// The admin side of consent: the opt-out list (search, pages, CSV export) and each account's
// consent settings: admins only (`canManageOptOuts`, asked here as well as by the routes).

type ListQuery = { q?: string; accountId?: string; cursor?: string; limit: number };

/** Current opt-outs, newest first, searched over number and reason; keyset pages. */
export async function listOptOuts(database: Db, admin: CurrentUser, query: ListQuery): Promise<OptOutPage> {
  assertManager(admin);
  const rows = await pageOfOptOuts(database, query);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toAdminOptOutView),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

const EXPORT_PAGE = 1_000;

/**
 * Every current opt-out (of one account, or all) as CSV, read a page at a time while it streams.
 * The export itself is audited (who took the list, when).
 */
export async function exportOptOutsCsv(
  database: Db,
  admin: CurrentUser,
  accountId: string | undefined,
): Promise<ReadableStream<Uint8Array>> {
  assertManager(admin);
  if (accountId && !(await database.bandwidthAccount.findUnique({ where: { id: accountId }, select: { id: true } })))
    throw notFound("No Bandwidth account with that id.");
  await database.$transaction((tx) =>
    recordAudit(tx, admin.id, "consent.export", { type: "consent", id: null }, { accountId: accountId ?? null }),
  );
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvHeader()));
      }
      const rows = await pageOfOptOuts(database, { accountId, cursor, limit: EXPORT_PAGE });
      const page = rows.slice(0, EXPORT_PAGE);
      if (page.length > 0) controller.enqueue(encoder.encode(page.map((row) => csvRow(toOptOutView(row))).join("")));
      const last = page[page.length - 1];
      if (rows.length > EXPORT_PAGE && last) cursor = encodeCursor(last);
      else controller.close();
    },
  });
}

/** An account's consent settings, the defaults filled in; 404 for an unknown account. */
export async function getConsentSettings(
  database: Db,
  admin: CurrentUser,
  accountId: string,
): Promise<AccountConsentSettings> {
  assertManager(admin);
  const account = await database.bandwidthAccount.findUnique({ where: { id: accountId }, select: SETTINGS_SELECT });
  if (!account) throw notFound("No Bandwidth account with that id.");
  return effectiveConsentSettings(account);
}

/** Changes an account's consent scope or reply texts (audited). Later changes use the new scope. */
export async function updateConsentSettings(
  database: Db,
  admin: CurrentUser,
  accountId: string,
  change: { scope?: AccountConsentSettings["scope"]; optOutReply?: string; optInReply?: string; helpReply?: string },
): Promise<AccountConsentSettings> {
  assertManager(admin);
  return database.$transaction(async (tx) => {
    const current = await tx.bandwidthAccount.findUnique({ where: { id: accountId }, select: SETTINGS_SELECT });
    if (!current) throw notFound("No Bandwidth account with that id.");
    const updated = await tx.bandwidthAccount.update({
      where: { id: accountId },
      data: {
        ...(change.scope ? { consentScope: change.scope } : {}),
        ...(change.optOutReply !== undefined ? { optOutReply: change.optOutReply } : {}),
        ...(change.optInReply !== undefined ? { optInReply: change.optInReply } : {}),
        ...(change.helpReply !== undefined ? { helpReply: change.helpReply } : {}),
      },
      select: SETTINGS_SELECT,
    });
    await recordAudit(
      tx,
      admin.id,
      "account.consent_update",
      { type: "account", id: accountId },
      {
        before: effectiveConsentSettings(current),
        after: effectiveConsentSettings(updated),
      },
    );
    return effectiveConsentSettings(updated);
  });
}

const SETTINGS_SELECT = {
  name: true,
  consentScope: true,
  optOutReply: true,
  optInReply: true,
  helpReply: true,
} as const;

type AdminRow = OptOutRow & { account_id: string; account_name: string; event_id: string };

async function pageOfOptOuts(database: Db, query: ListQuery): Promise<AdminRow[]> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const filters: string[] = [];
  if (query.accountId) filters.push(`o.account_id = ${param(query.accountId)}::uuid`);
  const cursor = decodeCursor(query.cursor);
  if (cursor)
    filters.push(`(o.created_at, o.event_id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::uuid)`);
  if (query.q) {
    const like = param(`%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
    const digits = query.q.replace(/\D/g, "");
    filters.push(
      `(o.phone_number LIKE ${like} OR e.reason ILIKE ${like}${digits.length >= 3 ? ` OR o.phone_number LIKE ${param(`%${digits}%`)}` : ""})`,
    );
  }
  return database.$queryRawUnsafe<AdminRow[]>(
    `SELECT ${OPT_OUT_VIEW_COLUMNS}, o.account_id::text AS account_id, b.name AS account_name, o.event_id::text AS event_id
     FROM consent_opt_outs o JOIN consent_events e ON e.id = o.event_id LEFT JOIN users u ON u.id = e.user_id
     JOIN bandwidth_accounts b ON b.id = o.account_id
     ${filters.length ? `WHERE ${filters.join(" AND ")}` : ""}
     ORDER BY o.created_at DESC, o.event_id DESC
     LIMIT ${param(query.limit + 1)}`,
    ...params,
  );
}

function toAdminOptOutView(row: AdminRow): AdminOptOutView {
  return { ...toOptOutView(row), accountId: row.account_id, accountName: row.account_name };
}

function encodeCursor(row: AdminRow): string {
  return Buffer.from(JSON.stringify([new Date(row.created_at).toISOString(), row.event_id])).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string | undefined): { at: string; id: string } | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof at === "string" && !Number.isNaN(Date.parse(at)) && typeof id === "string" && UUID.test(id))
      return { at, id };
  } catch {
    // falls through to the 400
  }
  throw new HttpError(400, "invalid_cursor", "cursor: not one this list gave out");
}

function assertManager(actor: CurrentUser): void {
  if (!canManageOptOuts(actor)) throw forbidden("Only admins manage the opt-out list and consent settings.");
}
