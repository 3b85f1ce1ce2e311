import type { MediaStatus } from "@/lib/generated/prisma/enums";
import { mediaKind } from "@/lib/media/limits";

// How files look in our API: always our own URLs, never Bandwidth's. Pure, so the browser shares
// these types.

type MediaRow = {
  id: string;
  fileName: string;
  contentType: string | null;
  size: number | null;
  status: MediaStatus;
  statusDetail: string | null;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
};

/** A file of a message in the thread. */
export function toMediaView(file: MediaRow) {
  const stored = file.status === "stored";
  return {
    id: file.id,
    fileName: file.fileName,
    contentType: file.contentType,
    kind: mediaKind(file.contentType ?? guessTypeFromName(file.fileName)),
    size: file.size,
    status: file.status,
    statusDetail: file.statusDetail === null ? null : agentFacingDetail(file.statusDetail),
    width: file.width,
    height: file.height,
    /** Our copies (`/api/media/{id}` and its thumbnail); null until stored. */
    url: stored ? `/api/media/${file.id}` : null,
    thumbnailUrl: stored && file.hasThumbnail ? `/api/media/${file.id}/thumbnail` : null,
  };
}

/** An agent's uploaded attachment, as the composer sees it before sending. */
export function toUploadView(file: {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  hasThumbnail: boolean;
}) {
  const { id, fileName, contentType, size, width, height, hasThumbnail } = file;
  return { id, fileName, contentType, size, kind: mediaKind(contentType), width, height, hasThumbnail };
}

export type UploadView = ReturnType<typeof toUploadView>;

/** Before a file is downloaded, its name is all we have for choosing a placeholder. */
function guessTypeFromName(fileName: string): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (!extension) return null;
  if (["jpg", "jpeg", "png", "gif", "webp", "heic", "bmp"].includes(extension)) return "image/jpeg";
  if (["mp4", "3gp", "mov", "webm"].includes(extension)) return "video/mp4";
  if (["mp3", "amr", "m4a", "wav", "ogg"].includes(extension)) return "audio/mpeg";
  return null;
}

/**
 * Why a file is missing, as an agent may read it: addresses (Bandwidth's media URLs, internal
 * hosts a refused redirect pointed at) and Bandwidth account ids are for the admin's logs only.
 */
export function agentFacingDetail(detail: string): string {
  return detail
    .replace(/\b(?:https?|file|ftp):\/\/[^\s,;)]*[^\s,;):.]/gi, "[address]")
    .replace(/\/users\/\d+\/?[^\s,;)]*/g, "[address]")
    .replace(/\baccount \d{4,}/gi, "the account");
}
