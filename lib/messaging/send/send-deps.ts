import "server-only";
import type pg from "pg";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import type { MediaStorage } from "@/lib/media/config";
import type { Schedule } from "./settle-message";

export type SendSettings = {
  encryptionKey: string;
  requestTimeoutMs: number;
  segmentsPerMinute: number;
  confirmationWindowMs: number;
  maxRetries: number;
  rateLimitedGiveUpMs: number;
};

export type SendDeps = {
  database: Db;
  /** For applying statuses that arrived before the send was accepted (lib/messaging/ingest-callbacks.ts). */
  pool: pg.Pool;
  settings: SendSettings;
  /** Where attachments' bytes are, to upload them to Bandwidth. */
  storage: MediaStorage;
  /** Queues a job to run at `at` (pg-boss in the app; a recorder in tests). */
  schedule: Schedule;
};

/** The worker's settings, from the environment. */
export function sendSettings(): SendSettings {
  const config = env();
  return {
    encryptionKey: config.ENCRYPTION_KEY,
    requestTimeoutMs: config.BANDWIDTH_REQUEST_TIMEOUT_MS,
    segmentsPerMinute: config.BANDWIDTH_SEND_RATE_SEGMENTS_PER_MINUTE,
    confirmationWindowMs: config.SEND_CONFIRMATION_WINDOW_SECONDS * 1000,
    maxRetries: config.SEND_MAX_RETRIES,
    rateLimitedGiveUpMs: config.SEND_RATE_LIMITED_GIVE_UP_HOURS * 3_600_000,
  };
}
