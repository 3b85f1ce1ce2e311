import "server-only";
import { deleteMediaFromBandwidth, sendThroughBandwidth, uploadMediaToBandwidth, type BandwidthAccountAccess, type SendOutcome } from "@/lib/bandwidth/messaging-client";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { Db } from "@/lib/db";
import type pg from "pg";
import type { MediaStorage } from "@/lib/media/config";
import { storeFor } from "@/lib/media/storage";
import { applyPendingStatusEvents } from "@/lib/messaging/ingest-callbacks";
import { summariseStatus } from "@/lib/messaging/delivery-status";
import { reserveSendSlot } from "@/lib/messaging/send-pacing";
import { publishChanges } from "@/lib/realtime/publish";
import { messageSegmentCount } from "@/lib/bandwidth/segments";
import { QUEUES } from "./queue";

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
  schedule: (queue: string, data: object, at: Date) => Promise<void>;
};

export type SendJobData = { messageId: string; reservedSlot?: string };

export type SendJobResult = "sent" | "failed" | "rescheduled" | "awaiting-confirmation" | "skipped";

/**
 * Puts one queued message on the wire through Bandwidth's SDK, at most once: the claim
 * (`submitted_at`) is committed before the request, so a crash or a lost answer is never followed
 * by a blind resend. 429s wait (Retry-After, else backoff with jitter); 5xx and refused
 * connections retry a bounded number of times; 400/401/403 fail the message with the reason.
 */
export async function processSendJob(deps: SendDeps, job: SendJobData): Promise<SendJobResult> {
  const { database, settings } = deps;
  const message = await database.message.findUnique({ where: { id: job.messageId } });
  if (!message || message.status !== "queued" || message.bandwidthMessageId || message.submittedAt) return "skipped";
  const number = await database.phoneNumber.findUnique({ where: { e164: message.from }, include: { application: { include: { account: true } } } });
  if (!number) return failMessage(database, message.id, `${message.from} is no longer one of our numbers, so the message could not be sent.`);
  const { application } = number;
  const { account } = application;

  const media = await database.media.findMany({ where: { messageId: message.id }, orderBy: { position: "asc" } });
  if (!job.reservedSlot) {
    const segments = messageSegmentCount(message.text, { mms: message.to.length > 1 || media.length > 0 });
    const slot = await reserveSendSlot(database, account.id, segments, settings.segmentsPerMinute);
    const wait = slot.getTime() - Date.now();
    if (wait > 1_000) {
      await deps.schedule(QUEUES.send, { messageId: message.id, reservedSlot: slot.toISOString() }, slot);
      return "rescheduled";
    }
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  const access: BandwidthAccountAccess = {
    accountId: account.accountId,
    messagingBaseUrl: account.messagingBaseUrl,
    username: account.apiUsername,
    password: decryptSecret(account.apiPasswordEncrypted, settings.encryptionKey),
  };
  const uploaded = await uploadAttachments(deps, access, message, media);
  if (uploaded.kind !== "ready") return uploaded.result;

  const claimed = await database.$executeRaw`
    UPDATE messages SET submitted_at = now(), send_attempts = send_attempts + 1, updated_at = now()
    WHERE id = ${message.id}::uuid AND status = 'queued' AND submitted_at IS NULL AND bandwidth_message_id IS NULL`;
  if (claimed !== 1) return "skipped";

  const outcome = await sendThroughBandwidth(
    access,
    { applicationId: application.applicationId, from: message.from, to: message.to, text: message.text, tag: message.id, ...(uploaded.urls.length ? { media: uploaded.urls } : {}) },
    settings.requestTimeoutMs,
  );
  return act(deps, { id: message.id, createdAt: message.createdAt, attempts: message.sendAttempts + 1, accountId: account.id, bandwidthAccountId: account.accountId }, outcome);
}

type Attachment = { id: string; fileName: string; contentType: string | null; sourceUrl: string | null; storageKey: string | null };

/** Bandwidth's name for an attachment: ours, unique, ending in the file name the recipient sees. */
export function bandwidthMediaName(attachment: { id: string; fileName: string }): string {
  return `${attachment.id}-${attachment.fileName.replace(/[^A-Za-z0-9._-]+/g, "_")}`;
}

/**
 * Puts every attachment on Bandwidth's media store before the message goes out (an attachment
 * already uploaded keeps its URL). If one is refused, the message fails with the reason and the
 * ones uploaded are removed again: nothing is sent with part of its media.
 */
async function uploadAttachments(
  deps: SendDeps,
  access: BandwidthAccountAccess,
  message: { id: string; sendAttempts: number },
  media: Attachment[],
): Promise<{ kind: "ready"; urls: string[] } | { kind: "stopped"; result: SendJobResult }> {
  const urls: string[] = [];
  const uploadedNow: string[] = [];
  for (const attachment of media) {
    if (attachment.sourceUrl) {
      urls.push(attachment.sourceUrl);
      continue;
    }
    const data = await storeFor(attachment, deps.storage.s3).read(deps.pool, attachment, "original");
    if (!data || !attachment.contentType) {
      await deleteMediaFromBandwidth(access, uploadedNow, deps.settings.requestTimeoutMs);
      return { kind: "stopped", result: await failMessage(deps.database, message.id, `The attachment ${attachment.fileName} is missing from storage, so the message was not sent.`) };
    }
    const mediaName = bandwidthMediaName(attachment);
    const outcome = await uploadMediaToBandwidth(access, { mediaName, contentType: attachment.contentType, data }, deps.settings.requestTimeoutMs);
    if (outcome.kind === "uploaded") {
      uploadedNow.push(mediaName);
      urls.push(outcome.url);
      await deps.database.media.update({ where: { id: attachment.id }, data: { sourceUrl: outcome.url } });
      continue;
    }
    const attempts = message.sendAttempts + 1;
    const reason = outcome.kind === "unauthorized" ? `Bandwidth rejected the credentials (HTTP ${outcome.status})` : outcome.detail;
    const transient = outcome.kind === "retryable" || outcome.kind === "rate-limited";
    if (transient && attempts < deps.settings.maxRetries) {
      // Files already uploaded keep their URLs; the next attempt uploads the rest.
      await deps.database.message.update({ where: { id: message.id }, data: { sendAttempts: attempts } });
      const delay = outcome.kind === "rate-limited" && outcome.retryAfterMs !== null ? outcome.retryAfterMs : backoff(attempts);
      return { kind: "stopped", result: await retryLater(deps, message.id, delay, `Uploading ${attachment.fileName} to Bandwidth failed (${reason}); trying again shortly.`) };
    }
    // Everything of this message on Bandwidth's store goes: uploaded now or on an earlier attempt.
    const earlier = media.filter((item) => item.sourceUrl).map(bandwidthMediaName);
    await deleteMediaFromBandwidth(access, [...earlier, ...uploadedNow], deps.settings.requestTimeoutMs);
    await deps.database.media.updateMany({ where: { messageId: message.id }, data: { sourceUrl: null } });
    return { kind: "stopped", result: await failMessage(deps.database, message.id, `Bandwidth did not take the attachment ${attachment.fileName}: ${reason}. The message was not sent.`) };
  }
  return { kind: "ready", urls };
}

type Claimed = { id: string; createdAt: Date; attempts: number; accountId: string; bandwidthAccountId: string };

async function act(deps: SendDeps, message: Claimed, outcome: SendOutcome): Promise<SendJobResult> {
  const { database, settings } = deps;
  switch (outcome.kind) {
    case "accepted":
      await storeAcceptance(database, message.id, outcome);
      await applyPendingStatusEvents(deps.pool, message.id);
      return "sent";
    case "rejected":
      return failMessage(database, message.id, `Bandwidth refused the message: ${outcome.detail}`);
    case "unauthorized":
      await database.adminAlert.create({
        data: {
          kind: "bandwidth.credentials_rejected",
          accountId: message.accountId,
          message: `Bandwidth rejected the API credentials of account ${message.bandwidthAccountId} (HTTP ${outcome.status}). Messages from its numbers fail until an admin updates them.`,
        },
      });
      return failMessage(database, message.id, `Bandwidth rejected the credentials (HTTP ${outcome.status}). An admin has been told.`);
    case "rate-limited": {
      if (Date.now() - message.createdAt.getTime() > settings.rateLimitedGiveUpMs) {
        return failMessage(database, message.id, `Bandwidth kept refusing the send as over its rate limit (429) for ${Math.round(settings.rateLimitedGiveUpMs / 3_600_000)} hours.`);
      }
      const delay = outcome.retryAfterMs ?? backoff(message.attempts);
      return retryLater(deps, message.id, delay, `Bandwidth is busy (429); trying again in ${Math.ceil(delay / 1000)} s.`);
    }
    case "retryable":
      if (message.attempts >= settings.maxRetries) {
        return failMessage(database, message.id, `Bandwidth could not take the message after ${message.attempts} attempts (${outcome.detail}).`);
      }
      return retryLater(deps, message.id, backoff(message.attempts), `${outcome.detail}; trying again shortly.`);
    case "unknown":
      await database.message.update({
        where: { id: message.id },
        data: { errorDetail: `${outcome.detail}. It may have gone out: waiting for Bandwidth's callbacks to confirm before anything else.` },
      });
      await deps.schedule(QUEUES.confirm, { messageId: message.id }, new Date(Date.now() + settings.confirmationWindowMs));
      return "awaiting-confirmation";
  }
}

async function storeAcceptance(database: Db, messageId: string, outcome: Extract<SendOutcome, { kind: "accepted" }>) {
  await database.$transaction(async (tx) => {
    // The same lock the webhook takes for this Bandwidth message, so callbacks that race this answer
    // are applied strictly before or after it, never against a stale read.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`bandwidth-message:${outcome.id}`}, 0))`;
    const current = await tx.message.findUniqueOrThrow({ where: { id: messageId }, select: { bandwidthMessageId: true, conversationId: true } });
    await tx.messageRecipient.updateMany({ where: { messageId, status: { in: ["queued", "unconfirmed"] } }, data: { status: "accepted" } });
    const recipients = await tx.messageRecipient.findMany({ where: { messageId }, select: { status: true } });
    await tx.message.update({
      where: { id: messageId },
      data: {
        // A callback that beat this answer may have stored the id already.
        bandwidthMessageId: current.bandwidthMessageId ?? outcome.id,
        segmentCount: outcome.segmentCount,
        messageTime: outcome.time,
        acceptedAt: new Date(),
        status: summariseStatus(recipients),
        errorDetail: null,
      },
    });
    await publishChanges(tx, [{ kind: "message.updated", conversationId: current.conversationId, messageId }]);
  });
}

async function retryLater(deps: SendDeps, messageId: string, delayMs: number, detail: string): Promise<SendJobResult> {
  // Nothing went out (Bandwidth neither sends nor bills on an error), so the claim is released.
  await deps.database.message.update({ where: { id: messageId }, data: { submittedAt: null, errorDetail: detail } });
  await deps.schedule(QUEUES.send, { messageId }, new Date(Date.now() + delayMs));
  return "rescheduled";
}

async function failMessage(database: Db, messageId: string, detail: string): Promise<SendJobResult> {
  await database.$transaction(async (tx) => {
    const message = await tx.message.update({ where: { id: messageId }, data: { status: "failed", errorDetail: detail }, select: { conversationId: true } });
    await tx.messageRecipient.updateMany({ where: { messageId, status: "queued" }, data: { status: "failed", errorDescription: detail, statusAt: new Date() } });
    await publishChanges(tx, [{ kind: "message.updated", conversationId: message.conversationId, messageId }]);
  });
  return "failed";
}

/**
 * After a send whose answer was lost: if no callback has confirmed it by now, mark it
 * `unconfirmed` so the agent can decide to resend (Bandwidth has no idempotency key).
 */
export async function processConfirmJob(database: Db, job: { messageId: string }): Promise<"confirmed" | "unconfirmed" | "skipped"> {
  const message = await database.message.findUnique({ where: { id: job.messageId }, include: { recipients: true } });
  if (!message || message.status !== "queued") return "skipped";
  if (message.bandwidthMessageId || message.recipients.some((recipient) => recipient.status !== "queued")) return "confirmed";
  await database.$transaction(async (tx) => {
    const detail = "Bandwidth never answered the send and has sent no callback for it since: it may or may not have gone out. Resend if needed.";
    await tx.message.update({ where: { id: message.id }, data: { status: "unconfirmed", errorDetail: detail } });
    await tx.messageRecipient.updateMany({ where: { messageId: message.id, status: "queued" }, data: { status: "unconfirmed", statusAt: new Date() } });
    await publishChanges(tx, [{ kind: "message.updated", conversationId: message.conversationId, messageId: message.id }]);
  });
  return "unconfirmed";
}

/** 2 s, 4 s, 8 s … capped at 5 minutes, with ±50 % jitter so retries do not arrive in step. */
export function backoff(attempt: number): number {
  const base = Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 300_000);
  return Math.round(base * (0.5 + Math.random()));
}
