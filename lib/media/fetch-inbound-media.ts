import "server-only";
import type pg from "pg";
import { raiseAlert } from "@/lib/admin/alerts";
import {
  accessForAccount,
  authorizationHeader,
  dropToken,
  TokenError,
  type BandwidthAccess,
} from "@/lib/bandwidth/credentials";
import type { Db } from "@/lib/db";
import { publishChanges } from "@/lib/realtime/publish";
import type { MediaStorage } from "./config";
import { fetchMedia, type MediaFetchPolicy, type MediaFetchResult } from "./safe-fetch";
import { storeMediaBytes } from "./store-media";

/** Bandwidth keeps inbound media this long; after it, a file we could not copy is gone. */
export const BANDWIDTH_MEDIA_RETENTION_MS = 48 * 3_600_000;

export type FetchMediaDeps = {
  database: Db;
  pool: pg.Pool;
  storage: MediaStorage;
  encryptionKey: string;
  maxBytes: number;
  timeoutMs: number;
  /** Queues the next attempt (pg-boss in the app; a recorder in tests). */
  schedule: (data: FetchMediaJob, at: Date) => Promise<void>;
  resolve?: MediaFetchPolicy["resolve"];
  now?: () => Date;
};

/** `attempts`: how many attempts had been made when this job was queued (the claim checks it). */
export type FetchMediaJob = { mediaId: string; attempts?: number };

export type FetchMediaResult = "stored" | "retry" | "expired" | "refused" | "failed" | "skipped";

/** 10 s, 20 s, 40 s … capped at an hour: quick while Bandwidth is likely to answer, patient after. */
export function fetchBackoffMs(attempt: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/**
 * Copies one inbound file from Bandwidth into our storage, with the receiving account's
 * credentials, once. A refused URL is never fetched; a missing file or a failing server is tried
 * again with backoff until Bandwidth's 48 hours are over, and then marked expired. Every final
 * state is announced live, so the thread swaps the placeholder for the thumbnail or the reason.
 */
export async function processFetchMediaJob(deps: FetchMediaDeps, job: FetchMediaJob): Promise<FetchMediaResult> {
  const now = deps.now?.() ?? new Date();
  // The claim: a job runs only if no attempt was made since it was queued, so a duplicate job (the
  // sweep's, a pg-boss retry) finds the count moved on and does nothing.
  const claimed = await deps.database.$queryRaw<Array<{ attempts: number }>>`
    UPDATE media SET attempts = attempts + 1, last_attempt_at = ${now}, updated_at = now()
    WHERE id = ${job.mediaId}::uuid AND status = 'pending' AND message_id IS NOT NULL AND attempts = ${job.attempts ?? 0}
    RETURNING attempts`;
  const attempt = claimed[0]?.attempts;
  if (attempt === undefined) return "skipped";
  const media = await deps.database.media.findUniqueOrThrow({
    where: { id: job.mediaId },
    select: {
      id: true,
      sourceUrl: true,
      fileName: true,
      message: {
        select: {
          id: true,
          direction: true,
          createdAt: true,
          conversation: { select: { id: true, ownerNumber: true } },
        },
      },
    },
  });
  const message = media.message!;
  const settle = (status: "stored" | "expired" | "refused" | "failed", detail: string | null, facts: object = {}) =>
    deps.database.$transaction(async (tx) => {
      await tx.media.update({ where: { id: media.id }, data: { status, statusDetail: detail, ...facts } });
      await publishChanges(tx, [
        { kind: "message.updated", conversationId: message.conversation.id, messageId: message.id },
      ]);
    });

  const deadline = message.createdAt.getTime() + BANDWIDTH_MEDIA_RETENTION_MS;
  if (now.getTime() >= deadline) {
    await settle("expired", "Media expired before it could be saved: Bandwidth keeps files for 48 hours.");
    return "expired";
  }
  const number = await deps.database.phoneNumber.findUnique({
    where: { e164: message.conversation.ownerNumber },
    select: { application: { select: { account: true } } },
  });
  const account = number?.application.account;
  if (!media.sourceUrl || !account) {
    await settle(
      "failed",
      account
        ? "Bandwidth gave no URL for this file."
        : `${message.conversation.ownerNumber} is no longer one of our numbers, so its media cannot be fetched.`,
    );
    return "failed";
  }
  const access = accessForAccount(account, deps.encryptionKey);
  const result = await download(access, media.sourceUrl, deps);
  if (result.kind === "error" && "credentialsRefused" in result) {
    await raiseAlert(deps.database, {
      kind: "bandwidth.credentials_rejected",
      accountId: account.id,
      message: `${result.reason} for account ${account.accountId}: inbound pictures and files cannot be saved until an admin updates its API credentials.`,
    });
  }

  switch (result.kind) {
    case "ok": {
      const facts = await storeMediaBytes(
        deps.pool,
        deps.storage.configured,
        media.id,
        result.bytes,
        result.declaredType,
      );
      await settle("stored", null, facts);
      return "stored";
    }
    case "refused":
      console.warn(`[media] refused to fetch media ${media.id} of message ${message.id}: ${result.reason}`);
      await settle("refused", `Not fetched: ${result.reason}. Only files on the Bandwidth media server are copied.`);
      return "refused";
    case "too-large":
      await settle("failed", `Not saved: ${result.reason}.`);
      return "failed";
    case "not-found":
    case "error": {
      const reason = result.kind === "not-found" ? `Bandwidth answered ${result.status}` : result.reason;
      const next = now.getTime() + fetchBackoffMs(attempt);
      // The last try is made just before the deadline rather than skipped.
      const at = Math.min(next, deadline - 1_000);
      if (at <= now.getTime()) {
        await settle("expired", `Media expired before it could be saved (last attempt: ${reason}).`);
        return "expired";
      }
      await deps.database.media.update({
        where: { id: media.id },
        data: { statusDetail: `Still saving: ${reason}; trying again.` },
      });
      await deps.schedule({ mediaId: media.id, attempts: attempt }, new Date(at));
      return "retry";
    }
  }
}

/**
 * Inbound files still pending that no job is known to hold: never tried (the enqueue after the
 * webhook's commit was lost), or last tried longer ago than the longest backoff. The sweep queues
 * them again; the claim above keeps a duplicate job harmless.
 */
export async function findStrandedMedia(database: Db, now = new Date(), limit = 500): Promise<FetchMediaJob[]> {
  const rows = await database.$queryRaw<Array<{ id: string; attempts: number }>>`
    SELECT m.id::text, m.attempts FROM media m JOIN messages msg ON msg.id = m.message_id
    WHERE m.status = 'pending' AND msg.direction = 'INBOUND'
      AND ((m.last_attempt_at IS NULL AND m.created_at < ${new Date(now.getTime() - 120_000)})
        OR m.last_attempt_at < ${new Date(now.getTime() - 2 * 3_600_000)})
    ORDER BY m.created_at LIMIT ${limit}`;
  return rows.map((row) => ({ mediaId: row.id, attempts: row.attempts }));
}

/**
 * Downloads with the account's credentials (a Bearer token from the shared cache, or legacy Basic);
 * a 401 on a cached token is retried once with a new one. fetchMedia refuses a URL off the media
 * base before any request is made, so the token never goes anywhere else.
 */
async function download(
  access: BandwidthAccess,
  url: string,
  deps: Pick<FetchMediaDeps, "maxBytes" | "timeoutMs" | "resolve">,
): Promise<MediaFetchResult | { kind: "error"; reason: string; credentialsRefused: true }> {
  const policy = {
    allowedPrefix: `${access.messagingBaseUrl}/users/${access.accountId}/media/`,
    maxBytes: deps.maxBytes,
    timeoutMs: deps.timeoutMs,
    ...(deps.resolve ? { resolve: deps.resolve } : {}),
  };
  try {
    let result = await fetchMedia(url, () => authorizationHeader(access, deps.timeoutMs), policy);
    if (result.kind === "error" && result.status === 401 && access.credentials.kind === "OAUTH") {
      dropToken(access.credentials);
      result = await fetchMedia(url, () => authorizationHeader(access, deps.timeoutMs), policy);
    }
    if (result.kind === "error" && (result.status === 401 || result.status === 403)) {
      return {
        kind: "error",
        reason: `Bandwidth rejected the credentials (HTTP ${result.status})`,
        credentialsRefused: true,
      };
    }
    return result;
  } catch (error) {
    if (!(error instanceof TokenError)) throw error;
    return error.reason === "refused"
      ? { kind: "error", reason: error.message, credentialsRefused: true }
      : { kind: "error", reason: error.message };
  }
}
