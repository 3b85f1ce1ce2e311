import type { MessageOrigin } from "@/lib/generated/prisma/enums";
import { mediaKind, type MediaKind } from "@/lib/media/limits";

// What a message without text was, in words, for its bubble and the list's preview: never an empty
// bubble or a bare "You:". Pure: the server's list view and the thread share it.

const NAMES: Record<MediaKind, [one: string, many: string]> = {
  image: ["Picture", "pictures"],
  video: ["Video", "videos"],
  audio: ["Voice message", "voice messages"],
  file: ["File", "files"],
};

/**
 * "Picture", "2 pictures", "2 files" (mixed kinds are files), or "No text — sent outside
 * Switchboard" / "No text" when there is neither text nor an attachment. `contentTypes` are the
 * visible attachments' (hidden MMS layout parts already left out).
 */
export function gistWithoutText(message: {
  origin: MessageOrigin;
  contentTypes: ReadonlyArray<string | null>;
  /** Known only from Bandwidth's records: its callback never came, and Bandwidth keeps no text. */
  missedCallback?: boolean;
}): string {
  if (message.missedCallback) return "Message missed — Bandwidth keeps no text";
  const count = message.contentTypes.length;
  if (count === 0) return message.origin === "EXTERNAL" ? "No text — sent outside Switchboard" : "No text";
  const kinds = new Set(message.contentTypes.map(mediaKind));
  const kind: MediaKind = kinds.size === 1 ? [...kinds][0]! : "file";
  const [one, many] = NAMES[kind];
  return count === 1 ? one : `${count} ${many}`;
}
