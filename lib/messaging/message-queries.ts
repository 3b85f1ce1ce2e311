import "server-only";
import type { Db } from "@/lib/db";
import type { DeliveryStatus, MediaStatus } from "@/lib/generated/prisma/enums";
import { isHiddenPart, mediaKind, type MediaKind } from "@/lib/media/limits";
import { decodeCursor, encodeCursor } from "./cursor";

const include = {
  recipients: { orderBy: { phoneNumber: "asc" } },
  media: {
    orderBy: { position: "asc" },
    select: { id: true, fileName: true, contentType: true, size: true, status: true, statusDetail: true, width: true, height: true, hasThumbnail: true },
  },
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
  media: Array<{ id: string; fileName: string; contentType: string | null; size: number | null; status: MediaStatus; statusDetail: string | null; width: number | null; height: number | null; hasThumbnail: boolean }>;
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
    })),
    createdAt: message.createdAt,
    tag: message.tag,
  };
}

export type MessageView = ReturnType<typeof toMessageView>;

export type MediaView = {
  id: string;
  fileName: string;
  contentType: string | null;
  kind: MediaKind;
  size: number | null;
  status: MediaStatus;
  statusDetail: string | null;
  width: number | null;
  height: number | null;
  /** Our copies (`/api/media/{id}` and its thumbnail); null until stored. Never Bandwidth's URL. */
  url: string | null;
  thumbnailUrl: string | null;
};

function toMediaView(file: MessageRow["media"][number]): MediaView {
  const stored = file.status === "stored";
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    kind: mediaKind(file.contentType ?? guessTypeFromName(file.fileName)),
    size: file.size,
    status: file.status,
    statusDetail: file.statusDetail,
    width: file.width,
    height: file.height,
    url: stored ? `/api/media/${file.id}` : null,
    thumbnailUrl: stored && file.hasThumbnail ? `/api/media/${file.id}/thumbnail` : null,
  };
}

/** Before a file is downloaded, its name is all we have for choosing a placeholder. */
function guessTypeFromName(fileName: string): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!extension) return null;
  if (["jpg", "jpeg", "png", "gif", "webp", "heic", "bmp"].includes(extension)) return "image/jpeg";
  if (["mp4", "3gp", "mov", "webm"].includes(extension)) return "video/mp4";
  if (["mp3", "amr", "m4a", "wav", "ogg"].includes(extension)) return "audio/mpeg";
  return null;
}
