import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import type { ConversationStatus, DeliveryStatus, Direction, MessageOrigin } from "@/lib/generated/prisma/enums";
import { isHiddenPart } from "@/lib/media/limits";
import { partialDeliveryLabel, type DeliveryTally } from "@/lib/messaging/delivery-status";
import { gistWithoutText } from "@/lib/messaging/message-gist";
import type { OptOutView } from "./consent";

// Conversations as our API returns them. Pure: the server maps rows with these and the browser
// takes its types from them.

/**
 * Names of numbers, by number: those agents gave to customers, and for our own numbers (a group
 * text can include another of our lines) their admin label marked as ours; `ourLines` says which.
 */
export type Labels = ReadonlyMap<string, string> & { readonly ourLines?: ReadonlySet<string> };

/** How one of our numbers is named where it appears as a participant. */
export function ourLineName(label: string | null): string {
  return label ? `${label} (our line)` : "Our line";
}

function participantsOf(numbers: string[], labels: Labels) {
  return numbers.map((phoneNumber) => ({
    phoneNumber,
    name: labels.get(phoneNumber) ?? null,
    ourLine: labels.ourLines?.has(phoneNumber) ?? false,
  }));
}

/** "Robin Hale, (555) 555-0102": names where agents gave them, else formatted numbers. */
export function titleOf(numbers: string[], labels: Labels): string {
  return numbers.map((number) => labels.get(number) ?? formatPhoneNumber(number)).join(", ");
}

/** A teammate as the inbox shows them. */
export type Person = { id: string; name: string };

/** Where the conversation stands in the team's work. */
type Workflow = { status: ConversationStatus; snoozedUntil: Date | null; assignee: Person | null };

/**
 * A conversation's header: our number, participants with their names, title, status, assignee,
 * its customers currently opted out in scope of our number (the composer is disabled for them),
 * and why this viewer cannot reply here at all, if they cannot (the reply box says so).
 */
export function toConversationHeader(
  row: {
    id: string;
    ownerNumber: string;
    isGroup: boolean;
    participants: string[];
    optedOut?: OptOutView[];
    cannotReply?: string | null;
    alsoOn?: Array<{ conversationId: string; ownerNumber: string }>;
  } & Workflow,
  labels: Labels,
) {
  return {
    id: row.id,
    ownerNumber: row.ownerNumber,
    isGroup: row.isGroup,
    participants: participantsOf(row.participants, labels),
    title: titleOf(row.participants, labels),
    status: row.status,
    snoozedUntil: row.snoozedUntil,
    assignee: row.assignee,
    optedOut: row.optedOut ?? [],
    cannotReply: row.cannotReply ?? null,
    /** The same group text as received on our other numbers (each number keeps its own copy). */
    alsoOn: row.alsoOn ?? [],
  };
}

export type ConversationHeader = ReturnType<typeof toConversationHeader>;

type LastMessage = {
  id: string;
  direction: Direction;
  text: string;
  origin: MessageOrigin;
  media: Array<{ fileName: string; contentType: string | null }>;
  tally: DeliveryTally;
  status: DeliveryStatus;
  createdAt: Date;
  /** Known only from Bandwidth's records (no text): the preview says it was missed. */
  missedCallback?: boolean;
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
    /** Any participant opted out in scope of our number (the list's mark). */
    optedOut: boolean;
  } & Workflow,
  labels: Labels,
) {
  const last = row.lastMessage;
  return {
    ...toConversationHeader({ ...row, optedOut: [] }, labels),
    optedOut: row.optedOut,
    lastMessage: last
      ? {
          id: last.id,
          direction: last.direction,
          origin: last.origin,
          preview: last.text || previewWithoutText(last),
          status: last.status,
          /** "Delivered to 2 of 3" for a group message some recipients did not get; else null. */
          partialDelivery: last.direction === "OUTBOUND" ? partialDeliveryLabel(last.tally) : null,
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

/** GET /api/conversations/counts: each view's size, and what needs the agent (the page title's number). */
export type ConversationCounts = {
  mine: number;
  unassigned: number;
  open: number;
  snoozed: number;
  closed: number;
  /** Conversations assigned to the agent with unread customer messages, or with a mention of them not yet read. */
  needsYou: number;
  unreadMentions: number;
};

/** GET /api/conversations: a page of the list, and the cursor of the next one. */
export type ConversationPage = { conversations: ConversationListItem[]; nextCursor: string | null };

function previewWithoutText(last: LastMessage): string {
  const visible = last.media.filter((file) => !isHiddenPart(file.fileName, file.contentType));
  return gistWithoutText({
    origin: last.origin,
    contentTypes: visible.map((file) => file.contentType),
    missedCallback: last.missedCallback ?? false,
  });
}
