import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { notFound, unprocessable } from "@/lib/errors";
import { findViewableConversation } from "@/lib/conversations/conversation-queries";
import { copyAttachmentsAsDrafts } from "@/lib/media/uploads";
import type { MessageView } from "@/lib/validations/message-view";
import { sendMessage } from "./send-message";

/**
 * Sends an outbound message again to the recipients it failed for (or could not be confirmed for):
 * a new message, from the same number with the same text and attachments. Other recipients are not
 * texted twice. The sender must be allowed to send from that number, as for any send.
 */
export async function retryFailedRecipients(database: Db, user: CurrentUser, messageId: string): Promise<MessageView> {
  const message = await database.message.findUnique({ where: { id: messageId }, include: { recipients: true } });
  if (!message || message.direction !== "OUTBOUND") throw notFound("No outbound message with that id.");
  await findViewableConversation(database, user, message.conversationId);
  const failed = message.recipients
    .filter((recipient) => recipient.status === "failed" || recipient.status === "unconfirmed")
    .map((recipient) => recipient.phoneNumber);
  if (failed.length === 0)
    throw unprocessable("Every recipient of this message has it, or may still get it: nothing to retry.");
  const mediaIds = await copyAttachmentsAsDrafts(database, user, message.id);
  return sendMessage(database, user, { from: message.from, to: failed, text: message.text, mediaIds });
}
