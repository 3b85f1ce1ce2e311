import type { DeliveryStatus, Direction, MessageOrigin, StatusSource } from "@/lib/generated/prisma/enums";
import { isHiddenPart } from "@/lib/media/limits";
import type { ActivityView } from "./activity-view";
import { toMediaView } from "./media-view";
import type { NoteView } from "./note-view";

// A message as our API returns it (docs/api.md). Pure: the server maps rows with it and the
// browser takes its type from it.

export type MessageRow = {
  id: string;
  conversationId: string;
  bandwidthMessageId: string | null;
  direction: Direction;
  origin: MessageOrigin;
  fromOurLine: boolean;
  missedCallback: boolean;
  attachmentCount: number | null;
  messageTime: Date | null;
  from: string;
  to: string[];
  text: string;
  segmentCount: number | null;
  status: DeliveryStatus;
  errorDetail: string | null;
  createdAt: Date;
  tag: string | null;
  recipients: Array<{
    phoneNumber: string;
    status: DeliveryStatus;
    errorCode: number | null;
    errorDescription: string | null;
    statusAt: Date | null;
    statusSource: StatusSource;
    carrierName: string | null;
    retryMessageId: string | null;
    retryConversationId: string | null;
    updatedAt: Date;
  }>;
  media: Array<Parameters<typeof toMediaView>[0]>;
  sentBy: { id: string; name: string } | null;
};

export function toMessageView(message: MessageRow) {
  return {
    id: message.id,
    conversationId: message.conversationId,
    bandwidthMessageId: message.bandwidthMessageId,
    direction: message.direction,
    origin: message.origin,
    /** Inbound, but sent by another of our numbers (a group text): ours, not a customer's. */
    fromOurLine: message.fromOurLine,
    /**
     * Inbound, known only from Bandwidth's records (its callback never came): no text or media,
     * only when it arrived and its counts. Null for every other message.
     */
    missedCallback: message.missedCallback
      ? {
          arrivedAt: message.messageTime ?? message.createdAt,
          segmentCount: message.segmentCount,
          attachmentCount: message.attachmentCount,
        }
      : null,
    from: message.from,
    to: message.to,
    text: message.text,
    media: message.media.filter((file) => !isHiddenPart(file.fileName, file.contentType)).map(toMediaView),
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
      /** `records`: learned from Bandwidth's List Messages after the callback never came. */
      source: recipient.statusSource,
      carrierName: recipient.carrierName,
      /** Where this recipient's failure was sent again (at most once); conversationId null while it is stored. */
      retriedAs: recipient.retryMessageId
        ? { messageId: recipient.retryMessageId, conversationId: recipient.retryConversationId }
        : null,
    })),
    createdAt: message.createdAt,
    tag: message.tag,
  };
}

export type MessageView = ReturnType<typeof toMessageView>;

/** Who wrote an outbound message: the agent, or how it was sent when no agent wrote it here. */
export function outboundAuthor(message: { origin: MessageOrigin; sentBy: { name: string } | null }): string | null {
  if (message.origin === "EXTERNAL") return "Sent outside Switchboard";
  if (message.origin === "AUTOMATIC") return "Automatic";
  return message.sentBy?.name ?? null;
}

/**
 * GET /api/conversations/{id}/messages: a page of the thread, newest first, the workflow activity
 * and the internal notes of the same stretch of time, and the cursor of older ones.
 */
export type MessagePage = {
  messages: MessageView[];
  activity: ActivityView[];
  notes: NoteView[];
  nextCursor: string | null;
};
