import "server-only";
import { recordAudit } from "@/lib/admin/audit";
import { prismaRunner } from "@/lib/contacts/consent-sql";
import { canAdminister, type Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { conflict, forbidden, HttpError, notFound, unprocessable } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toExportView, type CreateExport, type ExportView, type RangeParams } from "@/lib/validations/exports";
import { loadConversationExport } from "./conversation-export";
import { countRange } from "./message-export";

const requester = { select: { id: true, name: true } } as const;

/**
 * Creates a range export for an admin (ready to download once), counting its messages; audited in the
 * same transaction. 422 when `number` is neither one of our numbers nor the number of any conversation.
 */
export async function createExport(database: Db, admin: Actor, request: CreateExport): Promise<ExportView> {
  if (!canAdminister(admin)) throw forbidden("Only admins may export.");
  const params: RangeParams = { from: request.from, to: request.to, tz: request.tz, number: request.number ?? null };
  if (params.number && !(await isOurNumber(database, params.number)))
    throw unprocessable(`number: ${params.number} is not one of our numbers`);
  const total = await countRange(prismaRunner(database), params).catch((error: unknown) => {
    // A zone the browser knows but this PostgreSQL's time zone data does not (older tzdata).
    if (error instanceof Error && /time zone .* not recognized/.test(error.message))
      throw new HttpError(400, "invalid_request", "tz: this server does not know that time zone; choose another");
    throw error;
  });
  return database.$transaction(async (tx) => {
    const row = await tx.dataExport.create({
      data: { requestedBy: admin.id, kind: request.kind, params, total },
      include: { requester },
    });
    await recordAudit(
      tx,
      admin.id,
      "export.create",
      { type: "export", id: row.id },
      { kind: row.kind, ...params, total },
    );
    return toExportView(row);
  });
}

/** The latest exports of every admin, newest first. */
export async function listExports(database: Db, limit: number): Promise<ExportView[]> {
  const rows = await database.dataExport.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { requester },
  });
  return rows.map((row) => toExportView(row));
}

/** One export's progress, for the admin who started it (404 unknown, 403 another admin's). */
export async function getExport(database: Db, admin: Actor, id: string): Promise<ExportView> {
  return toExportView(await ownExport(database, admin, id));
}

/**
 * Marks a ready export running for its admin and returns it: a range export streams once, so a second
 * download (or one racing the first) is a 409 saying what became of it.
 */
export async function claimDownload(database: Db, admin: Actor, id: string) {
  const row = await ownExport(database, admin, id);
  if (row.kind === "conversation_json") throw conflict("A conversation export is downloaded from its transcript.");
  const claimed = await database.dataExport.updateMany({
    where: { id, status: "ready" },
    data: { status: "running", startedAt: new Date(), progressAt: new Date() },
  });
  if (claimed.count === 0) {
    const { status } = await database.dataExport.findUniqueOrThrow({ where: { id }, select: { status: true } });
    throw conflict(
      `This export was already downloaded (it is ${status}): each export downloads once. Start a new export.`,
      "already_downloaded",
    );
  }
  return { id: row.id, kind: row.kind, params: row.params as RangeParams, createdAt: row.createdAt };
}

/** Progress as the stream goes (the page polls it), and the outcome at the end. */
export async function recordProgress(
  database: Db,
  id: string,
  progress: { rows: number; bytes: number; total?: number; status?: "done" | "failed" | "cancelled"; error?: string },
) {
  const data: Prisma.DataExportUpdateInput = { rowsDone: progress.rows, bytes: progress.bytes, progressAt: new Date() };
  if (progress.total !== undefined) data.total = progress.total;
  if (progress.status) Object.assign(data, { status: progress.status, finishedAt: new Date() });
  if (progress.error) data.error = progress.error.slice(0, 500);
  await database.dataExport.update({ where: { id }, data });
}

async function ownExport(database: Db, admin: Actor, id: string) {
  if (!canAdminister(admin)) throw forbidden("Only admins may export.");
  const row = await database.dataExport.findUnique({ where: { id }, include: { requester } });
  if (!row) throw notFound("No export with that id.");
  if (row.requestedBy !== admin.id) throw forbidden("This export belongs to another admin; start your own.");
  return row;
}

/** One of our numbers now, or the number of a conversation (a number since removed keeps its history). */
async function isOurNumber(database: Db, number: string): Promise<boolean> {
  const [ours, history] = await Promise.all([
    database.phoneNumber.findUnique({ where: { e164: number }, select: { id: true } }),
    database.conversation.findFirst({ where: { ownerNumber: number }, select: { id: true } }),
  ]);
  return ours !== null || history !== null;
}

/**
 * A conversation as a JSON download for an admin: kept in the exports list (done at once) and audited
 * together. 404 when it does not exist.
 */
export async function exportConversationJson(database: Db, admin: Actor, conversationId: string, baseUrl: string) {
  const exported = await loadConversationExport(database, admin, conversationId, baseUrl);
  const json = JSON.stringify({ exportedAt: new Date().toISOString(), exportedBy: admin.id, ...exported }, null, 2);
  const rows = exported.messages.length;
  await database.$transaction(async (tx) => {
    const now = new Date();
    const row = await tx.dataExport.create({
      data: {
        requestedBy: admin.id,
        kind: "conversation_json",
        params: { conversationId },
        status: "done",
        total: rows,
        rowsDone: rows,
        bytes: Buffer.byteLength(json),
        startedAt: now,
        finishedAt: now,
      },
    });
    await recordAudit(
      tx,
      admin.id,
      "export.conversation_json",
      { type: "export", id: row.id },
      { conversationId, rows },
    );
  });
  return { json, fileName: `conversation-${conversationId}.json` };
}

/** The printable transcript, for an admin: every view is audited. 404 when it does not exist. */
export async function viewTranscript(database: Db, admin: Actor, conversationId: string, baseUrl: string) {
  const exported = await loadConversationExport(database, admin, conversationId, baseUrl);
  await database.$transaction((tx) =>
    recordAudit(tx, admin.id, "export.transcript_view", { type: "export", id: null }, { conversationId }),
  );
  return exported;
}
