import "server-only";
import { canManageOptOuts } from "@/lib/auth/policies";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/admin/audit";
import type { Db } from "@/lib/db";
import { forbidden, HttpError, notFound, unprocessable } from "@/lib/errors";
import { publishChanges } from "@/lib/realtime/publish";
import type { OptOutImportResult } from "@/lib/validations/consent";
import { parseOptOutCsv } from "./consent-csv";
import { prismaRunner } from "./consent-sql";
import { recordConsentChange } from "./consent-store";

/** The import route refuses larger bodies (413) before they get here. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

const CHUNK = 200;

/**
 * An admin imports an opt-out list (`phone_number[,reason]` lines, or our export) into one account:
 * each number opted out of the whole account (source import, the admin as who). Idempotent: a
 * number already opted out of the account (or twice in the file) is skipped. Bad lines are reported
 * by line number and the others imported. Written in chunks, each one transaction.
 */
export async function importOptOuts(
  database: Db,
  admin: CurrentUser,
  input: { accountId?: string; csv: string },
): Promise<OptOutImportResult> {
  if (!canManageOptOuts(admin)) throw forbidden("Only admins import opt-out lists.");
  const accountId = await resolveAccount(database, input.accountId);
  const { lines, problems } = parseOptOutCsv(input.csv);
  let imported = 0;
  let skipped = 0;
  const seen = new Set<string>();
  const once = lines.filter((line) => !seen.has(line.phoneNumber) && seen.add(line.phoneNumber));
  skipped += lines.length - once.length;
  for (let start = 0; start < once.length; start += CHUNK) {
    const chunk = once.slice(start, start + CHUNK);
    await database.$transaction(
      async (tx) => {
        const existing = await tx.consentOptOut.findMany({
          where: { accountId, ourNumber: "", phoneNumber: { in: chunk.map((line) => line.phoneNumber) } },
          select: { phoneNumber: true },
        });
        const already = new Set(existing.map((row) => row.phoneNumber));
        const run = prismaRunner(tx);
        for (const line of chunk) {
          if (already.has(line.phoneNumber)) {
            skipped += 1;
            continue;
          }
          const recorded = await recordConsentChange(run, {
            phoneNumber: line.phoneNumber,
            accountId,
            scope: "account",
            ourNumber: null,
            action: "opt_out",
            source: "import",
            reason: line.reason ?? "Imported opt-out list",
            userId: admin.id,
            messageId: null,
          });
          await publishChanges(tx, recorded.notices);
          imported += 1;
        }
      },
      { timeout: 60_000 },
    );
  }
  await database.$transaction((tx) =>
    recordAudit(
      tx,
      admin.id,
      "consent.import",
      { type: "account", id: accountId },
      {
        imported,
        skipped,
        problems: problems.length,
      },
    ),
  );
  return { imported, skipped, problems };
}

async function resolveAccount(database: Db, accountId: string | undefined): Promise<string> {
  if (accountId) {
    const account = await database.bandwidthAccount.findUnique({ where: { id: accountId }, select: { id: true } });
    if (!account) throw notFound("No Bandwidth account with that id.");
    return account.id;
  }
  const accounts = await database.bandwidthAccount.findMany({ select: { id: true }, take: 2 });
  if (accounts.length === 1 && accounts[0]) return accounts[0].id;
  throw unprocessable(
    accounts.length === 0
      ? "No Bandwidth account is configured yet."
      : "accountId: choose which account the list is for.",
  );
}

/** 415 unless the body is declared CSV (text/csv; text/plain is what some tools send for a .csv). */
export function assertCsvContentType(contentType: string | null): void {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "text/csv" && type !== "text/plain")
    throw new HttpError(415, "unsupported_media_type", `Content-Type must be text/csv (got ${type || "none"})`);
}

/** The body as UTF-8 text; 400 when it is not UTF-8. */
export function decodeCsvBody(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, "invalid_encoding", "The list must be UTF-8 text");
  }
}
