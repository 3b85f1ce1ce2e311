import "server-only";
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { HttpError, notFound, unprocessable } from "@/lib/errors";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { findViewableConversation } from "@/lib/conversations/conversation-queries";
import { copyAttachmentsAsDrafts } from "@/lib/media/uploads";
import type { MessageView } from "@/lib/validations/message-view";
import { mayRetryRecipient } from "@/lib/messaging/retry-rule";
import { sendMessage } from "./send-message";

/**
 * Sends an outbound message again to the recipients it failed for where Bandwidth's catalogue says
 * a retry can help (../retry-rule.ts): a new message, from the same number with the same text and attachments. Other recipients are not
 * texted twice. Idempotent per recipient: each failed recipient is retried at most once (claimed
 * atomically before the send, so two clicks cannot both send); once every failed recipient has
 * been retried it answers 409 saying where the retry went. The sender must be allowed to send
 * from that number, as for any send.
 */
export async function retryFailedRecipients(database: Db, user: CurrentUser, messageId: string): Promise<MessageView> {
  const message = await database.message.findUnique({ where: { id: messageId }, include: { recipients: true } });
  if (!message || message.direction !== "OUTBOUND") throw notFound("No outbound message with that id.");
  await findViewableConversation(database, user, message.conversationId);
  const failed = message.recipients.filter(mayRetryRecipient);
  if (failed.length === 0)
    throw unprocessable(
      "Nothing to retry: every recipient has this message or may still get it, or sending again would fail the same way.",
    );

  const retryId = randomUUID();
  const claimed = await claim(
    database,
    messageId,
    failed.map((recipient) => recipient.phoneNumber),
    retryId,
  );
  if (claimed.length === 0) throw alreadyRetried(failed);
  try {
    const mediaIds = await copyAttachmentsAsDrafts(database, user, message.id);
    const retry = await sendMessage(
      database,
      user,
      { from: message.from, to: claimed, text: message.text, mediaIds },
      retryId,
    );
    await database.messageRecipient.updateMany({
      where: { messageId, retryMessageId: retryId },
      data: { retryConversationId: retry.conversationId },
    });
    return retry;
  } catch (error) {
    // Nothing was sent: the recipients may be retried again.
    await database.messageRecipient.updateMany({
      where: { messageId, retryMessageId: retryId },
      data: { retryMessageId: null },
    });
    throw error;
  }
}

/** Marks the failed recipients not yet retried as retried by `retryId`; returns their numbers. */
async function claim(database: Db, messageId: string, numbers: string[], retryId: string): Promise<string[]> {
  const rows = await database.$queryRaw<Array<{ phone_number: string }>>`
    UPDATE message_recipients SET retry_message_id = ${retryId}::uuid, updated_at = now()
    WHERE message_id = ${messageId}::uuid AND phone_number = ANY(${numbers}::text[]) AND retry_message_id IS NULL
    RETURNING phone_number`;
  return rows.map((row) => row.phone_number).sort();
}

function alreadyRetried(
  failed: ReadonlyArray<{ phoneNumber: string; retryMessageId: string | null; retryConversationId: string | null }>,
) {
  const where = failed.map((recipient) => ({
    phoneNumber: recipient.phoneNumber,
    messageId: recipient.retryMessageId,
    conversationId: recipient.retryConversationId,
  }));
  const names = failed.map((recipient) => formatPhoneNumber(recipient.phoneNumber)).join(", ");
  return new HttpError(409, "already_retried", `Already sent separately to ${names}.`, { retries: where });
}
