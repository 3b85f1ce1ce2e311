import "server-only";
import type { ReceivedCallback } from "@/lib/bandwidth/callback-schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { inboundIdentity } from "./conversation-key";
import { upsertConversation } from "./conversation-store";

type Tx = Prisma.TransactionClient;

/**
 * A `message-received` event → an inbound message in the conversation of our number (`owner`) and
 * everyone else on it ({from} ∪ to − owner): a group MMS lands in the group's conversation.
 * Idempotent on Bandwidth's message id.
 */
export async function applyReceived(tx: Tx, event: ReceivedCallback): Promise<{ notices: ChangeNotice[]; reason?: string }> {
  const { message } = event;
  const identity = inboundIdentity(message.owner, message.from, message.to);
  const at = new Date(message.time);
  const existing = await tx.message.findUnique({ where: { bandwidthMessageId: message.id }, select: { id: true } });
  if (existing) return { notices: [], reason: "message already stored" };

  const conversationId = await upsertConversation(tx, identity, at);
  const created = await tx.message.create({
    data: {
      conversationId,
      direction: "INBOUND",
      bandwidthMessageId: message.id,
      from: message.from,
      to: message.to,
      text: message.text ?? "",
      tag: message.tag ?? null,
      segmentCount: message.segmentCount ?? null,
      priority: message.priority ?? null,
      status: "received",
      messageTime: at,
      createdAt: at,
      media: {
        create: (message.media ?? []).map((url, position) => ({ position, sourceUrl: url, fileName: fileNameOf(url, position) })),
      },
    },
    select: { id: true },
  });
  await tx.conversation.updateMany({
    where: { id: conversationId, lastMessageAt: { lte: at } },
    data: { lastMessageAt: at, lastMessageId: created.id },
  });
  return { notices: [{ kind: "message.created", conversationId, messageId: created.id }] };
}

function fileNameOf(url: string, position: number): string {
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).pop();
    return last ? decodeURIComponent(last) : `attachment-${position + 1}`;
  } catch {
    return `attachment-${position + 1}`;
  }
}
