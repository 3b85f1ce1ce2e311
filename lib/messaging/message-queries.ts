import "server-only";
import type { Db } from "@/lib/db";
import type { DeliveryStatus, MediaStatus } from "@/lib/generated/prisma/enums";
import { decodeCursor, encodeCursor } from "./cursor";

const include = {
  recipients: { orderBy: { phoneNumber: "asc" } },
  media: { orderBy: { position: "asc" }, select: { id: true, fileName: true, contentType: true, size: true, status: true } },
  sentBy: { select: { id: true, name: true } },
} as const;

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
    include,
  });
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    messages: page.map(toMessageView),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function getMessageView(database: Db, messageId: string) {
  const row = await database.message.findUnique({ where: { id: messageId }, include });
  return row ? toMessageView(row) : null;
}

type MessageRow = NonNullable<Awaited<ReturnType<Db["message"]["findUnique"]>>> & {
  recipients: Array<{ phoneNumber: string; status: DeliveryStatus; errorCode: number | null; errorDescription: string | null; statusAt: Date | null; updatedAt: Date }>;
  media: Array<{ id: string; fileName: string; contentType: string | null; size: number | null; status: MediaStatus }>;
  sentBy: { id: string; name: string } | null;
};

/** A message as the app's API returns it (docs/api.md). */
export function toMessageView(message: MessageRow) {
  return {
    id: message.id,
    conversationId: message.conversationId,
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
  };
}

export type MessageView = ReturnType<typeof toMessageView>;
