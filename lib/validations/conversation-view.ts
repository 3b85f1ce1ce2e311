import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import type { DeliveryStatus, Direction } from "@/lib/generated/prisma/enums";

// Conversations as our API returns them. Pure: the server maps rows with these and the browser
// takes its types from them.

/** Names agents gave to numbers, by number. */
export type Labels = ReadonlyMap<string, string>;

function participantsOf(numbers: string[], labels: Labels) {
  return numbers.map((phoneNumber) => ({ phoneNumber, name: labels.get(phoneNumber) ?? null }));
}

/** "Robin Hale, (555) 555-0102": names where agents gave them, else formatted numbers. */
function titleOf(numbers: string[], labels: Labels): string {
  return numbers.map((number) => labels.get(number) ?? formatPhoneNumber(number)).join(", ");
}

/** A conversation's header: our number, participants with their names, title. */
export function toConversationHeader(
  row: { id: string; ownerNumber: string; isGroup: boolean; participants: string[] },
  labels: Labels,
) {
  return {
    id: row.id,
    ownerNumber: row.ownerNumber,
    isGroup: row.isGroup,
    participants: participantsOf(row.participants, labels),
    title: titleOf(row.participants, labels),
  };
}

export type ConversationHeader = ReturnType<typeof toConversationHeader>;

type LastMessage = {
  id: string;
  direction: Direction;
  text: string;
  hasMedia: boolean;
  status: DeliveryStatus;
  createdAt: Date;
};

/** A row of the inbox's list: the header, the newest message's preview and the agent's unread count. */
export function toConversationListItem(
  row: {
    id: string;
    ownerNumber: string;
    isGroup: boolean;
    participants: string[];
    lastMessageAt: Date;
    lastMessage: LastMessage | null;
    unread: number;
  },
  labels: Labels,
) {
  const last = row.lastMessage;
  return {
    ...toConversationHeader(row, labels),
    lastMessage: last
      ? {
          id: last.id,
          direction: last.direction,
          preview: last.text || (last.hasMedia ? "Attachment" : ""),
          status: last.status,
          createdAt: last.createdAt,
        }
      : null,
    unreadCount: row.unread,
    updatedAt: row.lastMessageAt,
  };
}

export type ConversationListItem = ReturnType<typeof toConversationListItem>;

/** One of our numbers an agent may send from, for the composer's "send from" choice. */
export function toSenderNumber(number: { e164: string; label: string | null; tollFree: boolean }) {
  return { e164: number.e164, label: number.label, tollFree: number.tollFree };
}

export type SenderNumber = ReturnType<typeof toSenderNumber>;

/** GET /api/conversations: a page of the list, and the cursor of the next one. */
export type ConversationPage = { conversations: ConversationListItem[]; nextCursor: string | null };
