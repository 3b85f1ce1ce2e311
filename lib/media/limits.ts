import { z } from "zod";
import { MEDIA_CONTENT_TYPES } from "@/lib/bandwidth/media-types";

/**
 * What an MMS may carry, checked in the composer before anything is uploaded and again on the
 * server. Pure (no server imports): the composer, the upload route, the send and the tests share it.
 */

/** Content types Bandwidth's media API takes (the spec's `uploadMedia` request body). */
export const BANDWIDTH_MEDIA_TYPES: readonly string[] = MEDIA_CONTENT_TYPES;

/** Types an agent may attach: Bandwidth's, minus the ones no phone shows as an attachment or that run code. */
export const ATTACHABLE_TYPES: readonly string[] = BANDWIDTH_MEDIA_TYPES.filter(
  (type) =>
    ![
      "application/javascript",
      "text/javascript",
      "text/html",
      "text/css",
      "application/json",
      "application/smil",
      "application/xml",
      "text/xml",
      "text/vnd.wap.wml",
      "image/svg+xml",
    ].includes(type),
);

/** Names the composer's file picker offers (the `accept` attribute). */
export const ACCEPT_ATTRIBUTE = [...ATTACHABLE_TYPES, ".vcf", ".ics"].join(",");

export const mediaLimitsSchema = z.object({
  /** Bytes per file; Bandwidth's strictest documented value is 3.5 MB. */
  maxFileBytes: z.number().int().positive(),
  /** Files per message; Bandwidth takes at most 10. */
  maxFiles: z.number().int().positive(),
  /** Above this total, carriers often shrink or drop MMS (Bandwidth recommends ≤ 500 KB). */
  warnTotalBytes: z.number().int().positive(),
  /** Toll-free MMS above this total fails (error 4411). */
  tollFreeMaxTotalBytes: z.number().int().positive(),
});

export type MediaLimits = z.infer<typeof mediaLimitsSchema>;

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  maxFileBytes: 3_500_000,
  maxFiles: 10,
  warnTotalBytes: 500_000,
  tollFreeMaxTotalBytes: 525_000,
};

/** The normalised type (lower case, no parameters); `image/jpg` is the common misspelling of JPEG. */
export function baseType(contentType: string | null | undefined): string {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "image/jpg" ? "image/jpeg" : type === "text/x-vcard" ? "text/vcard" : type;
}

export type MediaKind = "image" | "video" | "audio" | "file";

export function mediaKind(contentType: string | null | undefined): MediaKind {
  const type = baseType(contentType);
  if (
    [
      "image/jpeg",
      "image/pjpeg",
      "image/png",
      "image/gif",
      "image/webp",
      "image/bmp",
      "image/tiff",
      "image/heic",
      "image/heif",
      "image/avif",
    ].includes(type)
  )
    return "image";
  if (type.startsWith("video/")) return "video";
  if (type.startsWith("audio/")) return "audio";
  return "file";
}

/**
 * MMS layout parts (SMIL) and XML are not attachments a person sent: kept, never listed. Decided
 * on the stored type, and on the name while the type is still unknown (not yet downloaded).
 */
export function isHiddenPart(fileName: string, contentType: string | null | undefined): boolean {
  const type = baseType(contentType);
  if (type === "application/smil" || type === "application/xml" || type === "text/xml") return true;
  return !type && /\.(smil|xml)$/i.test(fileName);
}

/** Types a browser may render in place; anything else is served as a download. */
export function isInlineSafe(contentType: string): boolean {
  const kind = mediaKind(contentType);
  return kind === "image" || kind === "video" || kind === "audio";
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 100) / 10} KB`.replace(".0 ", " ");
  return `${Math.round(bytes / 100_000) / 10} MB`.replace(".0 ", " ");
}

export type AttachmentFile = { name: string; size: number; type: string };

/** Why one file cannot be attached (null when it can). `type` is what the browser or the bytes say. */
export function fileProblem(file: AttachmentFile, limits: MediaLimits): string | null {
  const type = baseType(file.type);
  if (file.size === 0) return `${file.name} is empty.`;
  if (file.size > limits.maxFileBytes)
    return `${file.name} is ${formatBytes(file.size)}; Bandwidth takes at most ${formatBytes(limits.maxFileBytes)} per file.`;
  if (!ATTACHABLE_TYPES.includes(type))
    return `${file.name} cannot be sent by MMS (${type || "unknown type"}). Send a picture, video, audio, PDF, vCard or text file.`;
  return null;
}

export type AttachmentCheck = { problems: string[]; warnings: string[] };

/** The whole set for one message, from one of our numbers (toll-free has a lower total limit). */
export function checkAttachments(
  files: AttachmentFile[],
  limits: MediaLimits,
  options: { tollFree: boolean },
): AttachmentCheck {
  const problems = files.flatMap((file) => fileProblem(file, limits) ?? []);
  const warnings: string[] = [];
  if (files.length > limits.maxFiles)
    problems.push(`At most ${limits.maxFiles} attachments per message (${files.length} chosen).`);
  const total = files.reduce((sum, file) => sum + file.size, 0);
  if (options.tollFree && total > limits.tollFreeMaxTotalBytes) {
    problems.push(
      `Toll-free numbers can send at most ${formatBytes(limits.tollFreeMaxTotalBytes)} of media per message (${formatBytes(total)} attached); Bandwidth would refuse it (error 4411).`,
    );
  } else if (total > limits.warnTotalBytes) {
    warnings.push(
      `${formatBytes(total)} of media: many carriers shrink or drop MMS above ${formatBytes(limits.warnTotalBytes)}.`,
    );
  }
  return { problems, warnings };
}
