import "server-only";
import type pg from "pg";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, notFound, unprocessable } from "@/lib/errors";
import { toUploadView, type UploadView } from "@/lib/validations/media-view";
import type { MediaStorage } from "./config";
import { checkAttachments, fileProblem, type MediaLimits } from "./limits";
import { decideContentType, storeMediaBytes } from "./store-media";

/** Drafts nobody sent are removed after this long. */
export const DRAFT_TTL_MS = 24 * 3_600_000;

/** A file name safe to store and to put in a header: no folders, no control characters, ≤ 200 characters. */
export function cleanFileName(raw: string | null | undefined, fallback = "attachment"): string {
  const last = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const cleaned = last
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-200);
  return cleaned === "" || cleaned === "." || cleaned === ".." ? fallback : cleaned;
}

/**
 * An agent's attachment, uploaded before the message is sent: checked on its bytes (type sniffed,
 * size capped), stored with its thumbnail, and held as a draft only its uploader can attach.
 */
export async function createUpload(
  deps: { database: Db; pool: pg.Pool; storage: MediaStorage; limits: MediaLimits },
  user: CurrentUser,
  file: { name: string; declaredType: string | null; bytes: Buffer },
): Promise<UploadView> {
  const fileName = cleanFileName(file.name);
  const contentType = decideContentType(file.bytes, file.declaredType);
  const problem = fileProblem({ name: fileName, size: file.bytes.length, type: contentType }, deps.limits);
  if (problem) {
    const status = file.bytes.length > deps.limits.maxFileBytes ? 413 : file.bytes.length === 0 ? 422 : 415;
    throw new HttpError(
      status,
      status === 413 ? "payload_too_large" : status === 415 ? "unsupported_media_type" : "unprocessable",
      problem,
    );
  }
  const media = await deps.database.media.create({
    data: { uploadedById: user.id, fileName, contentType, size: file.bytes.length, status: "pending" },
  });
  try {
    const facts = await storeMediaBytes(deps.pool, deps.storage.configured, media.id, file.bytes, file.declaredType);
    await deps.database.media.update({ where: { id: media.id }, data: { ...facts, status: "stored" } });
    return toUploadView({ id: media.id, fileName, ...facts });
  } catch (error) {
    await deps.database.media.delete({ where: { id: media.id } }).catch(() => undefined);
    throw error;
  }
}

/** Removes one of the agent's own unsent attachments. */
export async function deleteUpload(database: Db, user: CurrentUser, mediaId: string): Promise<void> {
  const { count } = await database.media.deleteMany({ where: { id: mediaId, uploadedById: user.id, messageId: null } });
  if (count === 0) throw notFound("No unsent attachment of yours with that id.");
}

/**
 * Attaches the sender's drafts to a message, in the order given, inside the send's transaction;
 * refuses what is not theirs, already sent, or over the limits for `from`.
 */
export async function attachUploads(
  tx: Prisma.TransactionClient,
  user: CurrentUser,
  mediaIds: string[],
  messageId: string,
  rules: { limits: MediaLimits; tollFree: boolean },
): Promise<void> {
  if (mediaIds.length === 0) return;
  if (new Set(mediaIds).size !== mediaIds.length) throw unprocessable("mediaIds: the same attachment is listed twice.");
  const drafts = await tx.media.findMany({
    where: { id: { in: mediaIds }, uploadedById: user.id, messageId: null, status: "stored" },
  });
  if (drafts.length !== mediaIds.length) {
    throw unprocessable(
      "mediaIds: an attachment is not one of your unsent uploads (it may have been sent already, removed, or expired). Attach it again.",
    );
  }
  const check = checkAttachments(
    drafts.map((draft) => ({ name: draft.fileName, size: draft.size ?? 0, type: draft.contentType ?? "" })),
    rules.limits,
    { tollFree: rules.tollFree },
  );
  if (check.problems.length > 0) throw unprocessable(check.problems.join(" "));
  for (const [position, id] of mediaIds.entries()) {
    await tx.media.update({ where: { id }, data: { messageId, position } });
  }
}

/**
 * Copies a sent message's attachments as new drafts of `user` (a retry sends the same files): the
 * rows are new, the bytes are copied in the database, or shared in object storage (never deleted).
 */
export async function copyAttachmentsAsDrafts(database: Db, user: CurrentUser, messageId: string): Promise<string[]> {
  const rows = await database.$queryRaw<Array<{ id: string }>>`
    WITH source AS (
      SELECT id, gen_random_uuid() AS new_id, position FROM media WHERE message_id = ${messageId}::uuid AND status = 'stored'
    ), copied AS (
      INSERT INTO media (id, uploaded_by_id, position, file_name, content_type, size, sha256, width, height, status, storage_key, has_thumbnail, created_at, updated_at)
      SELECT s.new_id, ${user.id}::uuid, 0, m.file_name, m.content_type, m.size, m.sha256, m.width, m.height, 'stored', m.storage_key, m.has_thumbnail, now(), now()
      FROM source s JOIN media m ON m.id = s.id
      RETURNING id
    ), contents AS (
      INSERT INTO media_content (media_id, variant, content_type, data)
      SELECT s.new_id, c.variant, c.content_type, c.data FROM source s JOIN media_content c ON c.media_id = s.id
    )
    SELECT s.new_id::text AS id FROM source s JOIN copied ON copied.id = s.new_id ORDER BY s.position`;
  return rows.map((row) => row.id);
}

/** Housekeeping: drafts older than a day that were never sent. */
export async function deleteAbandonedUploads(database: Db, now = new Date()): Promise<number> {
  const { count } = await database.media.deleteMany({
    where: { messageId: null, createdAt: { lt: new Date(now.getTime() - DRAFT_TTL_MS) } },
  });
  return count;
}
