import "server-only";
import { accessForAccount } from "@/lib/bandwidth/credentials";
import { sendThroughBandwidth, type SendOutcome } from "@/lib/bandwidth/messaging-client";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { messageSegmentCount } from "@/lib/bandwidth/segments";
import type { Db } from "@/lib/db";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { summariseStatus } from "@/lib/messaging/delivery-status";
import { applyPendingStatusEvents } from "@/lib/messaging/pending-status";
import { publishChanges } from "@/lib/realtime/publish";
import { describeOptOut } from "@/lib/contacts/consent-refusal";
import { prismaRunner } from "@/lib/contacts/consent-sql";
import { optOutsFor } from "@/lib/contacts/consent-store";
import type { ConfirmJobData } from "./confirm-send";
import { reserveSendSlot } from "./send-pacing";
import { backoff, failForRejectedCredentials, failMessage, retryLater, type SendJobResult } from "./settle-message";
import type { SendDeps } from "./send-deps";
import { uploadAttachments } from "./upload-attachments";

export type SendJobData = { messageId: string; reservedSlot?: string };

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
  const number = await database.phoneNumber.findUnique({
    where: { e164: message.from },
    include: { application: { include: { account: true } } },
  });
  if (!number)
    return failMessage(
      database,
      message.id,
      `${formatPhoneNumber(message.from)} is no longer one of our numbers, so the message could not be sent.`,
    );
  const { application } = number;
  const { account } = application;
  // A customer may have opted out while this waited in the queue; only Switchboard's own consent
  // replies (origin AUTOMATIC: the opt-out confirmation, the HELP answer) still go to them.
  if (message.origin !== "AUTOMATIC") {
    const optedOut = await optOutsFor(prismaRunner(database), message.from, message.to);
    if (optedOut.length > 0)
      return failMessage(
        database,
        message.id,
        `Not sent: ${optedOut.map(describeOptOut).join("; ")}, after this message was queued.`,
      );
  }

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

  const access = accessForAccount(account, settings.encryptionKey);
  const uploaded = await uploadAttachments(deps, access, { ...message, account }, media);
  if (uploaded.kind !== "ready") return uploaded.result;

  if (!(await claimWithConfirmation(database, message.id, settings.confirmationWindowMs))) return "skipped";

  const outcome = await sendThroughBandwidth(
    access,
    {
      applicationId: application.applicationId,
      from: message.from,
      to: message.to,
      text: message.text,
      tag: message.id,
      ...(uploaded.urls.length ? { media: uploaded.urls } : {}),
    },
    settings.requestTimeoutMs,
  );
  return act(
    deps,
    {
      id: message.id,
      createdAt: message.createdAt,
      attempts: message.sendAttempts + 1,
      accountId: account.id,
      bandwidthAccountId: account.accountId,
    },
    outcome,
  );
}

/**
 * Claims the send and schedules its confirmation in one transaction: if this process dies after the
 * claim (before or after Bandwidth's answer), a retry of the job sees the claim and skips, and the
 * confirmation still settles the message (confirm-send.ts; it ignores a claim released or replaced).
 */
async function claimWithConfirmation(database: Db, messageId: string, windowMs: number): Promise<boolean> {
  return database.$transaction(async (tx) => {
    const [claim] = await tx.$queryRaw<Array<{ submitted_at: Date }>>`
      UPDATE messages SET submitted_at = now(), send_attempts = send_attempts + 1, updated_at = now()
      WHERE id = ${messageId}::uuid AND status = 'queued' AND submitted_at IS NULL AND bandwidth_message_id IS NULL
      RETURNING submitted_at`;
    if (!claim) return false;
    const job: ConfirmJobData = { messageId, submittedAt: claim.submitted_at.toISOString() };
    await enqueueInTransaction(tx, QUEUES.confirm, job, { startAfter: new Date(Date.now() + windowMs) });
    return true;
  });
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
      return failForRejectedCredentials(
        database,
        message.id,
        { id: message.accountId, accountId: message.bandwidthAccountId },
        outcome.detail,
      );
    case "rate-limited": {
      if (Date.now() - message.createdAt.getTime() > settings.rateLimitedGiveUpMs) {
        return failMessage(
          database,
          message.id,
          `Bandwidth kept refusing the send as over its rate limit (429) for ${Math.round(settings.rateLimitedGiveUpMs / 3_600_000)} hours.`,
        );
      }
      const delay = outcome.retryAfterMs ?? backoff(message.attempts);
      return retryLater(
        deps,
        message.id,
        delay,
        `Bandwidth is busy (429); trying again in ${Math.ceil(delay / 1000)} s.`,
      );
    }
    case "retryable":
      if (message.attempts >= settings.maxRetries) {
        return failMessage(
          database,
          message.id,
          `Bandwidth could not take the message after ${message.attempts} attempts (${outcome.detail}).`,
        );
      }
      return retryLater(deps, message.id, backoff(message.attempts), `${outcome.detail}; trying again shortly.`);
    case "unknown":
      await database.message.update({
        where: { id: message.id },
        data: {
          errorDetail: `${outcome.detail}. It may have gone out: waiting for Bandwidth's callbacks to confirm before anything else.`,
        },
      });
      // Its confirmation was scheduled with the claim.
      return "awaiting-confirmation";
  }
}

async function storeAcceptance(database: Db, messageId: string, outcome: Extract<SendOutcome, { kind: "accepted" }>) {
  await database.$transaction(async (tx) => {
    // The same lock the webhook takes for this Bandwidth message, so callbacks that race this answer
    // are applied strictly before or after it, never against a stale read.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`bandwidth-message:${outcome.id}`}, 0))`;
    const current = await tx.message.findUniqueOrThrow({
      where: { id: messageId },
      select: { bandwidthMessageId: true, conversationId: true },
    });
    await tx.messageRecipient.updateMany({
      where: { messageId, status: { in: ["queued", "unconfirmed"] } },
      data: { status: "accepted" },
    });
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
