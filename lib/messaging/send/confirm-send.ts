import "server-only";
import type { Db } from "@/lib/db";
import { publishChanges } from "@/lib/realtime/publish";

/**
 * After a send whose answer was lost: if no callback has confirmed it by now, mark it
 * `unconfirmed` so the agent can decide to resend (Bandwidth has no idempotency key).
 */
export async function processConfirmJob(
  database: Db,
  job: { messageId: string },
): Promise<"confirmed" | "unconfirmed" | "skipped"> {
  const message = await database.message.findUnique({ where: { id: job.messageId }, include: { recipients: true } });
  if (!message || message.status !== "queued") return "skipped";
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
