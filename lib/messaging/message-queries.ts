import "server-only";
import type { Db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "./cursor";

/** A page of a conversation's messages, newest first; `nextCursor` pages to older ones. */
export async function listMessages(database: Db, conversationId: string, options: { before?: string; limit: number }) {
  const before = decodeCursor(options.before);
  const rows = await database.message.findMany({
    where: {
      conversationId,
      ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    include: {
      recipients: { orderBy: { phoneNumber: "asc" } },
      media: { orderBy: { position: "asc" }, select: { id: true, fileName: true, contentType: true, size: true, status: true } },
      sentBy: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    messages: page.map((message) => ({
      id: message.id,
      bandwidthMessageId: message.bandwidthMessageId,
      direction: message.direction,
      origin: message.origin,
      from: message.from,
      to: message.to,
      text: message.text,
      media: message.media,
      segmentCount: message.segmentCount,
      status: message.status,
      errorDetail: message.errorDetail,
      sentBy: message.sentBy,
      recipients: message.recipients.map((recipient) => ({
        phoneNumber: recipient.phoneNumber,
        status: recipient.status,
        errorCode: recipient.errorCode,
        errorDescription: recipient.errorDescription,
        updatedAt: recipient.statusAt ?? recipient.updatedAt,
      })),
      createdAt: message.createdAt,
      tag: message.tag,
    })),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export type MessageView = Awaited<ReturnType<typeof listMessages>>["messages"][number];
