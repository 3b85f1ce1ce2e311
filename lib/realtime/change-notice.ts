import { z } from "zod";
import { uuid } from "@/lib/validations/common";

/** The PostgreSQL channel every app instance LISTENs on. */
export const CHANGES_CHANNEL = "switchboard_changes";

export const changeNoticeSchema = z.object({
  /**
   * `conversation.updated`: status, assignee, snooze or activity; `note.created`: an internal note
   * (maybe with mentions); `presence.updated`: who is viewing or replying (touches only presence).
   */
  kind: z.enum(["message.created", "message.updated", "conversation.updated", "note.created", "presence.updated"]),
  conversationId: uuid(),
  messageId: uuid().optional(),
});

export type ChangeNotice = z.infer<typeof changeNoticeSchema>;

/** Notices for one NOTIFY payload (PostgreSQL caps it near 8000 bytes; we stay well under). */
export function encodeNotices(notices: ChangeNotice[]): string[] {
  const unique = [
    ...new Map(
      notices.map((notice) => [`${notice.kind}:${notice.conversationId}:${notice.messageId ?? ""}`, notice]),
    ).values(),
  ];
  const payloads: string[] = [];
  for (let index = 0; index < unique.length; index += 40)
    payloads.push(JSON.stringify(unique.slice(index, index + 40)));
  return payloads;
}

export function decodeNotices(payload: string): ChangeNotice[] {
  try {
    return z.array(changeNoticeSchema).parse(JSON.parse(payload));
  } catch {
    return [];
  }
}
