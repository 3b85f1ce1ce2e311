import "server-only";
import { AwsClient } from "aws4fetch";
import type { Sql } from "@/lib/db-pool";

/**
 * Where media bytes live, reachable from every app instance: PostgreSQL (`media_content`, the
 * default: nothing else to run) or an S3-compatible bucket. A media row records where its bytes
 * went (`storage_key` null = PostgreSQL, `s3:<key>` = the bucket), so changing the setting later
 * strands nothing already stored.
 */
export type Variant = "original" | "thumbnail";

/** Bytes `start`..`end` inclusive, as in an HTTP Range. */
export type ByteRange = { start: number; end: number };

export interface MediaStore {
  /** Stores one variant; returns the `storage_key` to record (null for PostgreSQL). */
  put(sql: Sql, mediaId: string, variant: Variant, contentType: string, data: Buffer): Promise<string | null>;
  /** The whole variant, or a range of it; null when missing. */
  read(
    sql: Sql,
    media: { id: string; storageKey: string | null },
    variant: Variant,
    range?: ByteRange,
  ): Promise<Buffer | null>;
}

export const postgresStore: MediaStore = {
  async put(sql, mediaId, variant, contentType, data) {
    await sql.query(
      `INSERT INTO media_content (media_id, variant, content_type, data) VALUES ($1::uuid, $2::"MediaVariant", $3, $4)
       ON CONFLICT (media_id, variant) DO UPDATE SET content_type = EXCLUDED.content_type, data = EXCLUDED.data`,
      [mediaId, variant, contentType, data],
    );
    return null;
  },
  async read(sql, media, variant, range) {
    // With EXTERNAL storage, substring() reads only the pages holding the range.
    const { rows } = range
      ? await sql.query<{ data: Buffer }>(
          `SELECT substring(data FROM $3 FOR $4) AS data FROM media_content WHERE media_id = $1::uuid AND variant = $2::"MediaVariant"`,
          [media.id, variant, range.start + 1, range.end - range.start + 1],
        )
      : await sql.query<{ data: Buffer }>(
          `SELECT data FROM media_content WHERE media_id = $1::uuid AND variant = $2::"MediaVariant"`,
          [media.id, variant],
        );
    return rows[0]?.data ?? null;
  },
};

export type S3Settings = {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  prefix: string;
};

/** An S3-compatible bucket (AWS S3, MinIO, R2…), path-style URLs, SigV4-signed. */
export function s3Store(settings: S3Settings): MediaStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: "s3",
  });
  const objectUrl = (key: string) =>
    `${settings.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(settings.bucket)}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const keyOf = (mediaId: string, variant: Variant) => `${settings.prefix}${mediaId}/${variant}`;
  return {
    async put(_sql, mediaId, variant, contentType, data) {
      const key = keyOf(mediaId, variant);
      const response = await client.fetch(objectUrl(key), {
        method: "PUT",
        body: new Uint8Array(data),
        headers: { "content-type": contentType },
      });
      if (!response.ok)
        throw new Error(
          `object storage refused ${key}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`,
        );
      return `s3:${keyOf(mediaId, "original")}`;
    },
    async read(_sql, media, variant, range) {
      const original = media.storageKey?.startsWith("s3:") ? media.storageKey.slice(3) : keyOf(media.id, "original");
      const key = variant === "original" ? original : original.replace(/\/original$/, `/${variant}`);
      const response = await client.fetch(objectUrl(key), {
        headers: range ? { range: `bytes=${range.start}-${range.end}` } : {},
      });
      if (response.status === 404) return null;
      if (!response.ok) throw new Error(`object storage answered HTTP ${response.status} for ${key}`);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}

/** The store a media row's bytes are in. */
export function storeFor(media: { storageKey: string | null }, s3: MediaStore | null): MediaStore {
  if (!media.storageKey) return postgresStore;
  if (media.storageKey.startsWith("s3:")) {
    if (!s3) throw new Error("this file is in object storage, but MEDIA_S3_* is not configured");
    return s3;
  }
  throw new Error(`unknown storage key ${media.storageKey}`);
}
