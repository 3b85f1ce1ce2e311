import "server-only";
import type { StatusCallback } from "@/lib/bandwidth/callback-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallbackOutcome, DeliveryStatus } from "@/lib/generated/prisma/enums";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { conversationIdentity } from "./conversation-key";
import { upsertConversation } from "./conversation-store";
import { summariseStatus } from "./delivery-status";
import { statusOfEvent, transition } from "./status-transition";

type Tx = Prisma.TransactionClient;

export type StatusResult = { outcome: CallbackOutcome; reason?: string; notices: ChangeNotice[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A status event → the status of the recipient it names (the outer `to`). The message is found
 * by Bandwidth's id, else by our tag (our message id), so a status that beats the send's 202 still
 * lands. A tag that claims to be ours but matches nothing is deferred; anything else is a message
 * sent outside Switchboard and is recorded as such.
 */
export async function applyStatus(tx: Tx, event: StatusCallback): Promise<StatusResult> {
  const message = await lockMessage(tx, event.message.id, event.message.tag);
  if (!message) {
    if (event.message.tag && UUID.test(event.message.tag)) return { outcome: "deferred", reason: "no message with this tag yet", notices: [] };
    const external = await createExternalMessage(tx, event);
    return applyToMessage(tx, external, event);
  }
  if (!message.bandwidth_message_id) {
    await tx.message.update({ where: { id: message.id }, data: { bandwidthMessageId: event.message.id } });
  }
  return applyToMessage(tx, message, event);
}

type LockedMessage = { id: string; conversation_id: string; bandwidth_message_id: string | null };

async function lockMessage(tx: Tx, bandwidthId: string, tag: string | undefined): Promise<LockedMessage | null> {
  const byId = await tx.$queryRaw<LockedMessage[]>`
    SELECT id::text, conversation_id::text, bandwidth_message_id FROM messages WHERE bandwidth_message_id = ${bandwidthId} FOR UPDATE`;
  if (byId[0]) return byId[0];
  if (!tag || !UUID.test(tag)) return null;
  const byTag = await tx.$queryRaw<LockedMessage[]>`
    SELECT id::text, conversation_id::text, bandwidth_message_id FROM messages
    WHERE id = ${tag}::uuid AND direction = 'OUTBOUND' AND (bandwidth_message_id IS NULL OR bandwidth_message_id = ${bandwidthId}) FOR UPDATE`;
  return byTag[0] ?? null;
}

export async function applyToMessage(tx: Tx, message: LockedMessage, event: StatusCallback): Promise<StatusResult> {
  const incoming = statusOfEvent(event.type);
  const recipient = await tx.messageRecipient.findUnique({ where: { messageId_phoneNumber: { messageId: message.id, phoneNumber: event.to } } });
  const current: DeliveryStatus = recipient?.status ?? "queued";
  const verdict = transition(current, incoming);
  if (!verdict.change) return { outcome: verdict.outcome, reason: verdict.reason, notices: [] };

  const failure = incoming === "failed" ? { errorCode: event.errorCode ?? null, errorDescription: event.description ?? null } : {};
  await tx.messageRecipient.upsert({
    where: { messageId_phoneNumber: { messageId: message.id, phoneNumber: event.to } },
    create: { messageId: message.id, phoneNumber: event.to, status: incoming, statusAt: new Date(event.time), ...failure },
    update: { status: incoming, statusAt: new Date(event.time), ...failure },
  });
  const recipients = await tx.messageRecipient.findMany({ where: { messageId: message.id }, select: { status: true } });
  await tx.message.update({
    where: { id: message.id },
    data: {
      status: summariseStatus(recipients),
      segmentCount: event.message.segmentCount,
      ...(recipients.every((r) => r.status !== "unconfirmed") ? { errorDetail: null } : {}),
    },
  });
  return { outcome: "applied", notices: [{ kind: "message.updated", conversationId: message.conversation_id, messageId: message.id }] };
}

/** A message sent from one of our numbers outside Switchboard, known only from its callbacks. */
async function createExternalMessage(tx: Tx, event: StatusCallback): Promise<LockedMessage> {
  const { message } = event;
  const at = new Date(message.time);
  const conversationId = await upsertConversation(tx, conversationIdentity(message.from, message.to), at);
  const created = await tx.message.create({
    data: {
      conversationId,
      direction: "OUTBOUND",
      origin: "EXTERNAL",
      bandwidthMessageId: message.id,
      from: message.from,
      to: message.to,
      text: message.text ?? "",
      tag: message.tag ?? null,
      segmentCount: message.segmentCount ?? null,
      status: "accepted",
      messageTime: at,
      acceptedAt: at,
      createdAt: at,
      recipients: { create: message.to.map((phoneNumber) => ({ phoneNumber, status: "accepted" as const, statusAt: at })) },
    },
    select: { id: true },
  });
  await tx.conversation.updateMany({ where: { id: conversationId, lastMessageAt: { lte: at } }, data: { lastMessageAt: at, lastMessageId: created.id } });
  return { id: created.id, conversation_id: conversationId, bandwidth_message_id: message.id };
}
