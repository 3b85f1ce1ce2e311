import "server-only";
import { env } from "@/lib/env";
import type { MediaLimits } from "./limits";
import { postgresStore, s3Store, type MediaStore } from "./storage";

/** The attachment limits in force (configuration; shown to the composer). */
export function mediaLimits(): MediaLimits {
  const config = env();
  return {
    maxFileBytes: config.MEDIA_MAX_FILE_BYTES,
    maxFiles: config.MEDIA_MAX_FILES,
    warnTotalBytes: config.MEDIA_WARN_TOTAL_BYTES,
    tollFreeMaxTotalBytes: config.MEDIA_TOLL_FREE_MAX_TOTAL_BYTES,
  };
}

export type MediaStorage = { configured: MediaStore; s3: MediaStore | null };

let cached: MediaStorage | undefined;

/** Where new files go, and the bucket (when configured) for reading files stored there. */
export function mediaStorage(): MediaStorage {
  if (cached) return cached;
  const config = env();
  const s3 =
    config.MEDIA_S3_ENDPOINT &&
    config.MEDIA_S3_BUCKET &&
    config.MEDIA_S3_ACCESS_KEY_ID &&
    config.MEDIA_S3_SECRET_ACCESS_KEY
      ? s3Store({
          endpoint: config.MEDIA_S3_ENDPOINT,
          bucket: config.MEDIA_S3_BUCKET,
          region: config.MEDIA_S3_REGION,
          accessKeyId: config.MEDIA_S3_ACCESS_KEY_ID,
          secretAccessKey: config.MEDIA_S3_SECRET_ACCESS_KEY,
          prefix: config.MEDIA_S3_PREFIX,
        })
      : null;
  cached = { configured: config.MEDIA_STORAGE === "s3" && s3 ? s3 : postgresStore, s3 };
  return cached;
}
