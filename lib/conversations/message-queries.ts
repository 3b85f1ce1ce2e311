import "server-only";
import type { Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import type { ListMessagesQuery } from "@/lib/validations/conversations";
import { toActivityView } from "@/lib/validations/activity-view";
import { toMessageView, type MessagePage } from "@/lib/validations/message-view";
import { toNoteView } from "@/lib/validations/note-view";
import { findViewableConversation } from "./conversation-queries";
import { decodeCursor, encodeCursor } from "./cursor";

export const messageInclude = {
  recipients: { orderBy: { phoneNumber: "asc" } },
  media: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      fileName: true,
      contentType: true,
      size: true,
      status: true,
      statusDetail: true,
      width: true,
      height: true,
      hasThumbnail: true,
    },
  },
  sentBy: { select: { id: true, name: true } },
} as const;

const person = { select: { id: true, name: true } } as const;

/** What a note's view needs: its author and the teammates it mentions. */
export const noteInclude = { author: person, mentions: { select: { user: person } } } as const;

/**
 * A page of a conversation's messages, newest first, for a viewer who may see it (404 otherwise);
 * `nextCursor` pages to older ones. With them, the activity and the internal notes of the same
 * stretch of time: from the page's oldest message (from the start on the last page) up to where the
 * newer page began, so each entry comes exactly once, among the messages it happened between.
 */
export async function listMessages(
  database: Db,
  viewer: Actor,
  conversationId: string,
  options: ListMessagesQuery,
): Promise<MessagePage> {
  await findViewableConversation(database, viewer, conversationId);
  const before = decodeCursor(options.before);
  const rows = await database.message.findMany({
    where: {
      conversationId,
      ...(before ? { OR: [{ createdAt: { lt: before.at } }, { createdAt: before.at, id: { lt: before.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    include: messageInclude,
  });
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  const more = rows.length > options.limit && last;
  const window = { ...(more ? { gte: last.createdAt } : {}), ...(before ? { lt: before.at } : {}) };
  const [activity, notes] = await Promise.all([
    database.conversationActivity.findMany({
      where: { conversationId, createdAt: window },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      include: { actor: person, assignee: person },
    }),
    database.conversationNote.findMany({
      where: { conversationId, createdAt: window },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      include: noteInclude,
    }),
  ]);
  return {
    messages: page.map(toMessageView),
    activity: activity.map(toActivityView),
    notes: notes.map(toNoteView),
    nextCursor: more ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

export async function getMessageView(database: Db, messageId: string) {
  const row = await database.message.findUnique({ where: { id: messageId }, include: messageInclude });
  return row ? toMessageView(row) : null;
}
