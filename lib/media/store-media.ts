import "server-only";
import { createHash } from "node:crypto";
import type { Sql } from "@/lib/db-pool";
import { baseType, mediaKind } from "./limits";
import { sniffContentType } from "./sniff";
import type { MediaStore } from "./storage";
import { makeThumbnail, THUMBNAIL_TYPE } from "./thumbnail";

const TEXT_SUBTYPES = new Set(["text/csv", "text/vcard", "text/calendar"]);

/**
 * The type we record and serve: what the bytes are. A declared type only refines plain text (a
 * CSV is text either way); unknown binary is `application/octet-stream`, always a download.
 */
export function decideContentType(bytes: Uint8Array, declared: string | null): string {
  const sniffed = sniffContentType(bytes);
  if (sniffed === "text/plain" && TEXT_SUBTYPES.has(baseType(declared))) return baseType(declared);
  return sniffed ?? "application/octet-stream";
}

export type StoredFacts = {
  contentType: string;
  size: number;
  sha256: string;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
  storageKey: string | null;
};

/** Stores a file's bytes and, for a picture, its thumbnail (made once, here). */
export async function storeMediaBytes(
  sql: Sql,
  store: MediaStore,
  mediaId: string,
  bytes: Buffer,
  declaredType: string | null,
): Promise<StoredFacts> {
  const contentType = decideContentType(bytes, declaredType);
  const thumbnail = mediaKind(contentType) === "image" ? await makeThumbnail(bytes) : null;
  const storageKey = await store.put(sql, mediaId, "original", contentType, bytes);
  if (thumbnail) await store.put(sql, mediaId, "thumbnail", THUMBNAIL_TYPE, thumbnail.data);
  return {
    contentType,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    width: thumbnail?.width || null,
    height: thumbnail?.height || null,
    hasThumbnail: Boolean(thumbnail),
    storageKey,
  };
}
