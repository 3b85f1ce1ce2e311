import "server-only";
import type { Db } from "@/lib/db";
import { publishChanges } from "@/lib/realtime/publish";

/** Scheduled with each claim of a send; `submittedAt` is that claim's (absent in older jobs). */
export type ConfirmJobData = { messageId: string; submittedAt?: string };

/**
 * A confirmation window after a send was claimed: if neither Bandwidth's answer nor a callback has
 * confirmed it by now, mark it `unconfirmed` so the agent can decide to resend (Bandwidth has no
 * idempotency key). A claim released since (the send is waiting to retry) or replaced by a later
 * claim is not this job's to judge: that claim scheduled its own. Idempotent.
 */
export async function processConfirmJob(
  database: Db,
  job: ConfirmJobData,
): Promise<"confirmed" | "unconfirmed" | "skipped"> {
  const message = await database.message.findUnique({ where: { id: job.messageId }, include: { recipients: true } });
  if (!message || message.status !== "queued") return "skipped";
  if (job.submittedAt && message.submittedAt?.toISOString() !== job.submittedAt) return "skipped";
  if (message.bandwidthMessageId || message.recipients.some((recipient) => recipient.status !== "queued"))
    return "confirmed";
  await database.$transaction(async (tx) => {
    const detail =
      "Bandwidth never answered the send and has sent no callback for it since: it may or may not have gone out. Resend if needed.";
    await tx.message.update({ where: { id: message.id }, data: { status: "unconfirmed", errorDetail: detail } });
    await tx.messageRecipient.updateMany({
      where: { messageId: message.id, status: "queued" },
      data: { status: "unconfirmed", statusAt: new Date() },
    });
    await publishChanges(tx, [
      { kind: "message.updated", conversationId: message.conversationId, messageId: message.id },
    ]);
  });
  return "unconfirmed";
}
