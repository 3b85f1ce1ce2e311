import "server-only";
import { canAdminister, type Actor } from "@/lib/auth/policies";
import { labelsFor } from "@/lib/contacts/contact-labels";
import { findViewableConversation } from "@/lib/conversations/conversation-queries";
import { messageInclude, noteInclude } from "@/lib/conversations/message-queries";
import type { Db } from "@/lib/db";
import { forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { describeActivity, toActivityView } from "@/lib/validations/activity-view";
import { toMessageView, type MessageView } from "@/lib/validations/message-view";
import { toNoteView } from "@/lib/validations/note-view";
import { absoluteLinks, authorOf, recipientExport } from "./export-rows";

/** Messages read per query: a thread of thousands is paged through, never one unbounded join. */
const PAGE = 500;

const person = { select: { id: true, name: true } } as const;

/**
 * One conversation as a whole, for an admin (403 for anyone else, 404 when it does not exist): its
 * participants named, every message oldest first with its author, per-recipient statuses and errors
 * in words, files with our links (absolute, from `baseUrl`), the internal notes and the workflow's
 * activity. Shared by the printable transcript and the JSON download. Read-only.
 */
export async function loadConversationExport(database: Db, viewer: Actor, conversationId: string, baseUrl: string) {
  if (!canAdminister(viewer)) throw forbidden("Only admins may export a conversation.");
  const conversation = await findViewableConversation(database, viewer, conversationId);
  const labels = await labelsFor(database, [conversation.ownerNumber, ...conversation.participants]);
  const [messages, notes, activity] = await Promise.all([
    allMessages(database, conversationId),
    database.conversationNote.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: noteInclude,
    }),
    database.conversationActivity.findMany({
      where: { conversationId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { actor: person, assignee: person },
    }),
  ]);
  const nameOf = (number: string) => labels.get(number) ?? null;
  return {
    conversation: {
      id: conversation.id,
      ourNumber: conversation.ownerNumber,
      ourNumberLabel: nameOf(conversation.ownerNumber),
      isGroup: conversation.isGroup,
      status: conversation.status,
      createdAt: conversation.createdAt,
      participants: conversation.participants.map((phoneNumber) => ({
        phoneNumber,
        label: nameOf(phoneNumber),
        ourLine: labels.ourLines?.has(phoneNumber) ?? false,
      })),
    },
    messages: messages.map((message) => exportedMessage(message, baseUrl, nameOf)),
    notes: notes.map((note) => ({ ...toNoteView(note), internal: true as const })),
    activity: activity.map((entry) => {
      const view = toActivityView(entry);
      return { ...view, description: describeActivity(view, "", (at) => at.toISOString()) };
    }),
  };
}

export type ConversationExport = Awaited<ReturnType<typeof loadConversationExport>>;
export type ExportedConversationMessage = ConversationExport["messages"][number];

function exportedMessage(message: MessageView, baseUrl: string, nameOf: (number: string) => string | null) {
  const { sentBy, recipients, media, ...rest } = message;
  return {
    ...rest,
    author:
      authorOf({ direction: message.direction, origin: message.origin, authorName: sentBy?.name ?? null }) ??
      nameOf(message.from) ??
      message.from,
    sentBy,
    recipients: recipients.map((recipient) => ({
      ...recipientExport({
        phoneNumber: recipient.phoneNumber,
        status: recipient.status,
        errorCode: recipient.errorCode,
        errorDescription: recipient.errorDescription,
        carrierName: recipient.carrierName,
        statusSource: recipient.source,
        statusAt: recipient.updatedAt.toISOString(),
      }),
      retriedAs: recipient.retriedAs,
    })),
    media: media.map((file) => absoluteLinks(file, baseUrl)),
  };
}

/** Every message of the conversation, oldest first, read a page at a time by (created_at, id). */
async function allMessages(database: Db, conversationId: string): Promise<MessageView[]> {
  const all: MessageView[] = [];
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const where: Prisma.MessageWhereInput = after
      ? {
          conversationId,
          OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }],
        }
      : { conversationId };
    const rows = await database.message.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PAGE,
      include: messageInclude,
    });
    all.push(...rows.map(toMessageView));
    const last = rows[rows.length - 1];
    if (rows.length < PAGE || !last) return all;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
