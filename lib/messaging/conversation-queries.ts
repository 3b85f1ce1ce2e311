import "server-only";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { decodeCursor, encodeCursor } from "./cursor";

type ListOptions = { q?: string; ownerNumber?: string; cursor?: string; limit: number };

/** The inbox's conversation list, newest activity first, for one agent (unread counts are theirs). */
export async function listConversations(database: Db, userId: string, options: ListOptions) {
  const cursor = decodeCursor(options.cursor);
  const where: Prisma.ConversationWhereInput = {
    ...(options.ownerNumber ? { ownerNumber: options.ownerNumber } : {}),
    ...(options.q ? await searchFilter(database, options.q) : {}),
    ...(cursor
      ? { OR: [{ lastMessageAt: { lt: cursor.at } }, { lastMessageAt: cursor.at, id: { lt: cursor.id } }] }
      : {}),
  };
  const rows = await database.conversation.findMany({
    where,
    orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    include: { readStates: { where: { userId }, select: { lastReadAt: true } } },
  });
  const page = rows.slice(0, options.limit);
  const labels = await labelsFor(database, page.flatMap((row) => row.participants));
  const lastMessages = await database.message.findMany({
    where: { id: { in: page.map((row) => row.lastMessageId).filter((id): id is string => id !== null) } },
    select: { id: true, direction: true, text: true, status: true, createdAt: true, _count: { select: { media: true } } },
  });
  const unread = await unreadCounts(database, page.map((row) => ({ id: row.id, since: row.readStates[0]?.lastReadAt })));

  const last = page[page.length - 1];
  return {
    conversations: page.map((row) => {
      const lastMessage = lastMessages.find((message) => message.id === row.lastMessageId);
      return {
        id: row.id,
        ownerNumber: row.ownerNumber,
        participants: row.participants.map((phoneNumber) => ({ phoneNumber, name: labels.get(phoneNumber) ?? null })),
        title: row.participants.map((number) => labels.get(number) ?? formatPhoneNumber(number)).join(", "),
        isGroup: row.isGroup,
        lastMessage: lastMessage
          ? {
              id: lastMessage.id,
              direction: lastMessage.direction,
              preview: lastMessage.text || (lastMessage._count.media > 0 ? "📎 Attachment" : ""),
              status: lastMessage.status,
              createdAt: lastMessage.createdAt,
            }
          : null,
        unreadCount: unread.get(row.id) ?? 0,
        updatedAt: row.lastMessageAt,
      };
    }),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ at: last.lastMessageAt, id: last.id }) : null,
  };
}

export type ConversationListItem = Awaited<ReturnType<typeof listConversations>>["conversations"][number];

/** One conversation's header data, or null when it does not exist. */
export async function getConversation(database: Db, conversationId: string) {
  const row = await database.conversation.findUnique({ where: { id: conversationId } });
  if (!row) return null;
  const labels = await labelsFor(database, row.participants);
  return {
    id: row.id,
    ownerNumber: row.ownerNumber,
    isGroup: row.isGroup,
    participants: row.participants.map((phoneNumber) => ({ phoneNumber, name: labels.get(phoneNumber) ?? null })),
    title: row.participants.map((number) => labels.get(number) ?? formatPhoneNumber(number)).join(", "),
  };
}

async function searchFilter(database: Db, q: string): Promise<Prisma.ConversationWhereInput> {
  const digits = q.replace(/\D/g, "");
  const labelled = await database.contactLabel.findMany({
    where: { name: { contains: q, mode: "insensitive" } },
    select: { phoneNumber: true },
    take: 200,
  });
  return {
    AND: [
      {
        OR: [
          ...(digits.length >= 3 ? [{ participantsKey: { contains: digits } }] : []),
          ...(labelled.length > 0 ? [{ participants: { hasSome: labelled.map((label) => label.phoneNumber) } }] : []),
          { messages: { some: { text: { contains: q, mode: "insensitive" } } } },
        ],
      },
    ],
  };
}

async function labelsFor(database: Db, numbers: string[]): Promise<Map<string, string>> {
  if (numbers.length === 0) return new Map();
  const rows = await database.contactLabel.findMany({ where: { phoneNumber: { in: [...new Set(numbers)] } } });
  return new Map(rows.map((row) => [row.phoneNumber, row.name]));
}

async function unreadCounts(database: Db, conversations: Array<{ id: string; since: Date | undefined }>) {
  const counts = await Promise.all(
    conversations.map(({ id, since }) =>
      database.message.count({
        where: { conversationId: id, direction: "INBOUND", ...(since ? { createdAt: { gt: since } } : {}) },
      }),
    ),
  );
  return new Map(conversations.map(({ id }, index) => [id, counts[index] ?? 0]));
}
