import "server-only";
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { forbidden, unprocessable } from "@/lib/errors";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { optedOutError } from "@/lib/contacts/consent-refusal";
import { prismaRunner } from "@/lib/contacts/consent-sql";
import { optOutsFor } from "@/lib/contacts/consent-store";
import { numberAccessSelect, senderProblem, toNumberAccess } from "./sender-numbers";
import { mediaLimits } from "@/lib/media/config";
import { attachUploads } from "@/lib/media/uploads";
import { publishChanges } from "@/lib/realtime/publish";
import { checkRecipients, groupFromTollFreeProblem, type SendMessageInput } from "@/lib/validations/send-message";
import { conversationIdentity } from "@/lib/conversations/conversation-key";
import { findViewableConversation } from "@/lib/conversations/conversation-queries";
import { upsertConversation } from "@/lib/conversations/conversation-store";
import { assignOnReplyInTransaction } from "@/lib/conversations/workflow-store";
import { getMessageView } from "@/lib/conversations/message-queries";
import type { MessageView } from "@/lib/validations/message-view";

/**
 * An agent sends a message: checked (our number, allowed to send from it, 1–10 valid recipients,
 * no group from toll-free, no recipient who opted out (422 `opted_out`), some text or attachments
 * within the limits), then stored with one
 * `queued` recipient row each, its attachments and its send job, in one transaction. The worker (./send-job.ts) puts it on the wire.
 * Not idempotent: each call is a new message (`id` lets a caller claim the new message's id first).
 */
export async function sendMessage(
  database: Db,
  sender: CurrentUser,
  input: SendMessageInput,
  id: string = randomUUID(),
): Promise<MessageView> {
  const { from, to } = await resolveParties(database, sender, input);
  const number = await database.phoneNumber.findUnique({ where: { e164: from }, select: numberAccessSelect });
  const refused = senderProblem(sender, number && toNumberAccess(number), from);
  if (refused) throw refused.status === 403 ? forbidden(refused.message) : unprocessable(refused.message);
  const recipients = checkRecipients(to, from);
  if (!recipients.ok) throw unprocessable(recipients.problem);
  const tollFree = groupFromTollFreeProblem(from, recipients.numbers);
  if (tollFree) throw unprocessable(tollFree);
  // Consent: nothing is queued for a customer who opted out (a group: the participant is named).
  const optedOut = await optOutsFor(prismaRunner(database), from, recipients.numbers);
  if (optedOut.length > 0) throw optedOutError(optedOut, recipients.numbers.length > 1);
  const text = input.text ?? "";
  const mediaIds = input.mediaIds ?? [];
  if (text.trim() === "" && mediaIds.length === 0)
    throw unprocessable("Write a message or attach a file before sending.");

  await database.$transaction(async (tx) => {
    const now = new Date();
    const conversationId = await upsertConversation(tx, conversationIdentity(from, recipients.numbers), now, id);
    await tx.message.create({
      data: {
        id,
        conversationId,
        direction: "OUTBOUND",
        from,
        to: recipients.numbers,
        text,
        tag: id, // echoed in every callback, so statuses match even before Bandwidth's 202 is stored
        status: "queued",
        sentById: sender.id,
        createdAt: now,
        recipients: { create: recipients.numbers.map((phoneNumber) => ({ phoneNumber, status: "queued" as const })) },
      },
    });
    await attachUploads(tx, sender, mediaIds, id, { limits: mediaLimits(), tollFree: isTollFreeNumber(from) });
    await assignOnReplyInTransaction(tx, conversationId, sender.id);
    await enqueueInTransaction(tx, QUEUES.send, { messageId: id });
    await publishChanges(tx, [{ kind: "message.created", conversationId, messageId: id }]);
  });
  const view = await getMessageView(database, id);
  if (!view) throw new Error("the message just stored is missing");
  return view;
}

/** `from` and `to`, taken from the conversation when one is named (and checked against it). */
async function resolveParties(
  database: Db,
  sender: CurrentUser,
  input: SendMessageInput,
): Promise<{ from: string; to: string | string[] }> {
  if (!input.conversationId) {
    if (!input.from) throw unprocessable("from: choose which of our numbers sends.");
    if (!input.to) throw unprocessable("to: add at least one recipient.");
    return { from: input.from, to: input.to };
  }
  const conversation = await findViewableConversation(database, sender, input.conversationId);
  if (input.from && input.from !== conversation.ownerNumber) {
    throw unprocessable(`from: this conversation belongs to ${conversation.ownerNumber}.`);
  }
  if (input.to) {
    const check = checkRecipients(input.to, conversation.ownerNumber);
    const same =
      check.ok &&
      check.numbers.length === conversation.participants.length &&
      check.numbers.every((n) => conversation.participants.includes(n));
    if (!same) throw unprocessable("to: must be the conversation's participants (or leave it out).");
  }
  return { from: conversation.ownerNumber, to: conversation.participants };
}
