import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { HttpError } from "@/lib/http";
import { copyAttachmentsAsDrafts } from "@/lib/media/uploads";
import { publishChanges } from "@/lib/realtime/publish";
import { sendMessage } from "./send-message";
import type { MessageView } from "./message-queries";

/** The agent has read the conversation up to now (their unread count drops to 0). Idempotent. */
export async function markConversationRead(database: Db, user: CurrentUser, conversationId: string): Promise<{ lastReadAt: Date }> {
  const conversation = await database.conversation.findUnique({ where: { id: conversationId }, select: { id: true } });
  if (!conversation) throw new HttpError(404, "not_found", "No conversation with that id.");
  const lastReadAt = new Date();
  await database.conversationRead.upsert({
    where: { userId_conversationId: { userId: user.id, conversationId } },
    create: { userId: user.id, conversationId, lastReadAt },
    update: { lastReadAt },
  });
  return { lastReadAt };
}

/**
 * Names a participant's number for everyone (an empty name removes it); every conversation with
 * that number shows it. Announced live.
 */
export async function labelNumber(database: Db, user: CurrentUser, phoneNumber: string, name: string): Promise<{ phoneNumber: string; name: string | null }> {
  const trimmed = name.trim();
  await database.$transaction(async (tx) => {
    if (trimmed === "") await tx.contactLabel.deleteMany({ where: { phoneNumber } });
    else await tx.contactLabel.upsert({ where: { phoneNumber }, create: { phoneNumber, name: trimmed, updatedById: user.id }, update: { name: trimmed, updatedById: user.id } });
    const conversations = await tx.conversation.findMany({ where: { participants: { has: phoneNumber } }, select: { id: true }, take: 200 });
    await publishChanges(tx, conversations.map((conversation) => ({ kind: "conversation.updated" as const, conversationId: conversation.id })));
  });
  return { phoneNumber, name: trimmed || null };
}

/**
 * Sends an outbound message again to the recipients it failed for (or could not be confirmed for):
 * a new message, from the same number with the same text and attachments. Other recipients are not
 * texted twice.
 */
export async function retryFailedRecipients(database: Db, user: CurrentUser, messageId: string): Promise<MessageView> {
  const message = await database.message.findUnique({ where: { id: messageId }, include: { recipients: true } });
  if (!message || message.direction !== "OUTBOUND") throw new HttpError(404, "not_found", "No outbound message with that id.");
  const failed = message.recipients.filter((recipient) => recipient.status === "failed" || recipient.status === "unconfirmed").map((recipient) => recipient.phoneNumber);
  if (failed.length === 0) throw new HttpError(422, "unprocessable", "Every recipient of this message has it, or may still get it: nothing to retry.");
  const mediaIds = await copyAttachmentsAsDrafts(database, user, message.id);
  return sendMessage(database, user, { from: message.from, to: failed, text: message.text, mediaIds });
}
