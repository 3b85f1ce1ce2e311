import { explainError } from "@/lib/bandwidth/error-explanations";
import { csvLine } from "@/lib/csv";
import type { DeliveryStatus, StatusSource } from "@/lib/generated/prisma/enums";
import { isHiddenPart } from "@/lib/media/limits";
import { toMediaView } from "@/lib/validations/media-view";
import { outboundAuthor, type MessageRow } from "@/lib/validations/message-view";

// One exported message, as the range export writes it (NDJSON: this object per line; CSV: one
// record of it). Pure: the database rows come from message-export.ts.

export type ExportRecipientRow = {
  phoneNumber: string;
  status: DeliveryStatus;
  errorCode: number | null;
  errorDescription: string | null;
  carrierName: string | null;
  statusSource: StatusSource;
  /** ISO time, UTC. */
  statusAt: string | null;
};

export type ExportMediaRow = Parameters<typeof toMediaView>[0];

/** A message as the export's query reads it: the thread's fields, its times as ISO text (UTC). */
export type ExportMessageRow = Pick<
  MessageRow,
  | "id"
  | "conversationId"
  | "direction"
  | "origin"
  | "fromOurLine"
  | "missedCallback"
  | "from"
  | "to"
  | "text"
  | "segmentCount"
  | "status"
  | "errorDetail"
> & {
  ourNumber: string;
  createdAt: string;
  messageTime: string | null;
  authorName: string | null;
  recipients: ExportRecipientRow[];
  media: ExportMediaRow[];
};

/** Who wrote one of ours: the agent, "Automatic" or "Sent outside Switchboard"; null for a customer's (see `from`). */
export function authorOf(row: Pick<ExportMessageRow, "direction" | "origin" | "authorName">): string | null {
  if (row.direction === "INBOUND") return null;
  const sentBy = row.authorName === null ? null : { name: row.authorName };
  return outboundAuthor({ origin: row.origin, sentBy }) ?? "A former teammate";
}

/** A recipient's status with its error in words (the catalogue's title), when it has one. */
export function recipientExport(recipient: ExportRecipientRow) {
  return {
    ...recipient,
    errorMeaning:
      recipient.errorCode === null ? null : explainError(recipient.errorCode, recipient.errorDescription).title,
  };
}

/** Our links to a message's files (absolute, from `baseUrl`), without the parts a phone never shows (SMIL). */
export function mediaExport(media: ExportMediaRow[], baseUrl: string) {
  return media
    .filter((file) => !isHiddenPart(file.fileName, file.contentType))
    .map((file) => {
      const { id, fileName, contentType, size, status, url, thumbnailUrl } = absoluteLinks(toMediaView(file), baseUrl);
      return { id, fileName, contentType, size, status, url, thumbnailUrl };
    });
}

/** A file's view with our links made absolute (the thread's are relative to the app). */
export function absoluteLinks<F extends { url: string | null; thumbnailUrl: string | null }>(
  file: F,
  baseUrl: string,
): F {
  return {
    ...file,
    url: file.url && `${baseUrl}${file.url}`,
    thumbnailUrl: file.thumbnailUrl && `${baseUrl}${file.thumbnailUrl}`,
  };
}

/** The NDJSON object of one message. */
export function messageExport(row: ExportMessageRow, baseUrl: string) {
  return {
    id: row.id,
    conversationId: row.conversationId,
    ourNumber: row.ourNumber,
    direction: row.direction,
    origin: row.origin,
    fromOurLine: row.fromOurLine,
    missedCallback: row.missedCallback,
    createdAt: row.createdAt,
    messageTime: row.messageTime,
    from: row.from,
    to: row.to,
    author: authorOf(row),
    text: row.text,
    segmentCount: row.segmentCount,
    status: row.status,
    errorDetail: row.errorDetail,
    recipients: row.recipients.map(recipientExport),
    media: mediaExport(row.media, baseUrl),
  };
}

export type MessageExport = ReturnType<typeof messageExport>;

export const CSV_HEADER = [
  "message_id",
  "conversation_id",
  "created_at",
  "message_time",
  "our_number",
  "direction",
  "origin",
  "from",
  "to",
  "author",
  "text",
  "segments",
  "status",
  "error_detail",
  "recipients",
  "media_files",
  "media_links",
] as const;

// Ids, times, numbers, enums and links stay exactly as they are; free text is made formula-safe.
const PLAIN = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 16]);

/** One CSV record: recipients as "delivered +1555…; failed +1555… (4720: …, carrier)". */
export function csvRecord(message: MessageExport): string {
  return csvLine(
    [
      message.id,
      message.conversationId,
      message.createdAt,
      message.messageTime,
      message.ourNumber,
      message.direction,
      message.origin,
      message.from,
      message.to.join(" "),
      message.author,
      message.text,
      message.segmentCount,
      message.status,
      message.errorDetail,
      message.recipients.map(recipientInWords).join("; "),
      message.media.map((file) => file.fileName).join("; "),
      message.media.flatMap((file) => (file.url ? [file.url] : [])).join(" "),
    ],
    PLAIN,
  );
}

function recipientInWords(recipient: ReturnType<typeof recipientExport>): string {
  const why = [
    recipient.errorCode === null ? null : `${recipient.errorCode}: ${recipient.errorMeaning}`,
    recipient.carrierName,
  ].filter(Boolean);
  return `${recipient.status} ${recipient.phoneNumber}${why.length > 0 ? ` (${why.join(", ")})` : ""}`;
}
