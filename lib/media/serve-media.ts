import "server-only";
import type pg from "pg";
import type { CurrentUser } from "@/lib/auth/session";
import { mayView } from "@/lib/conversations/viewer-scope";
import type { Db } from "@/lib/db";
import { HttpError, notFound } from "@/lib/errors";
import type { MediaStorage } from "./config";
import { isInlineSafe } from "./limits";
import { storeFor, type ByteRange, type Variant } from "./storage";
import { THUMBNAIL_TYPE } from "./thumbnail";

export type MediaResponse = { status: 200 | 206 | 304 | 416; headers: Record<string, string>; body: Buffer | null };

/**
 * One byte range from a `Range` header (RFC 9110): `bytes=a-b`, `bytes=a-`, `bytes=-n`. Null when
 * there is none we serve as a range (absent, several ranges, another unit): the whole file then.
 * "unsatisfiable" when it starts past the end.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  const match = /^bytes=(\d*)-(\d*)$/.exec((header ?? "").trim());
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return "unsatisfiable";
  if (end < start) return null;
  return { start, end };
}

/** `Content-Disposition` with the file name, for old and new clients (RFC 6266 / 8187). */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header
    .split(",")
    .some((candidate) => candidate.trim().replace(/^W\//, "") === etag || candidate.trim() === "*");
}

/**
 * A stored file (or its thumbnail) for a signed-in user: any attachment of a message (every agent
 * works every conversation), or a draft of their own. Ids are random UUIDs and nothing else leads
 * to a file, so one cannot be reached by guessing. Answers conditional and range requests.
 */
export async function serveMedia(
  deps: { database: Db; pool: pg.Pool; storage: MediaStorage },
  user: CurrentUser,
  mediaId: string,
  variant: Variant,
  request: { range: string | null; ifNoneMatch: string | null },
): Promise<MediaResponse> {
  const media = await deps.database.media.findUnique({
    where: { id: mediaId },
    select: {
      id: true,
      messageId: true,
      uploadedById: true,
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      status: true,
      statusDetail: true,
      storageKey: true,
      hasThumbnail: true,
      message: { select: { conversation: { select: { ownerNumber: true } } } },
    },
  });
  // A draft is its uploader's; a sent or received file is for whoever may see its conversation.
  const conversation = media?.message?.conversation;
  const visible = conversation ? await mayView(deps.database, user, conversation) : media?.uploadedById === user.id;
  if (!media || !visible) throw notFound("No such file.");
  if (media.status !== "stored" || !media.contentType || media.size === null || !media.sha256) {
    throw new HttpError(404, "not_stored", media.statusDetail ?? "This file has not been saved yet.");
  }
  if (variant === "thumbnail" && !media.hasThumbnail)
    throw new HttpError(404, "no_thumbnail", "This file has no thumbnail (only pictures do).");

  const contentType = variant === "thumbnail" ? THUMBNAIL_TYPE : media.contentType;
  const etag = `"${media.sha256.slice(0, 32)}${variant === "thumbnail" ? "-t" : ""}"`;
  const headers: Record<string, string> = {
    "content-type": contentType,
    "content-disposition": contentDisposition(
      isInlineSafe(contentType) ? "inline" : "attachment",
      variant === "thumbnail" ? `thumbnail-${media.fileName}.webp` : media.fileName,
    ),
    etag,
    "cache-control": "private, max-age=31536000, immutable",
    "x-content-type-options": "nosniff",
    // Opened on its own, a file can run nothing and load nothing.
    "content-security-policy":
      "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    "cross-origin-resource-policy": "same-origin",
  };
  if (etagMatches(request.ifNoneMatch, etag)) return { status: 304, headers, body: null };

  const store = storeFor(media, deps.storage.s3);
  if (variant === "original") {
    headers["accept-ranges"] = "bytes";
    const range = parseRange(request.range, media.size);
    if (range === "unsatisfiable")
      return { status: 416, headers: { ...headers, "content-range": `bytes */${media.size}` }, body: null };
    if (range) {
      const body = await store.read(deps.pool, media, "original", range);
      if (!body) throw notFound("The file's content is missing.");
      return {
        status: 206,
        headers: {
          ...headers,
          "content-range": `bytes ${range.start}-${range.end}/${media.size}`,
          "content-length": String(body.length),
        },
        body,
      };
    }
  }
  const body = await store.read(deps.pool, media, variant);
  if (!body) throw notFound("The file's content is missing.");
  return { status: 200, headers: { ...headers, "content-length": String(body.length) }, body };
}
