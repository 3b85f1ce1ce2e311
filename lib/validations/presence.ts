import { z } from "zod";

/** A browser tab's own random id: 16–64 URL-safe characters (the inbox makes 22). */
const tabId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "tabId: 16–64 letters, digits, - or _");

/** PUT (or, for navigator.sendBeacon, POST) /api/conversations/{id}/presence */
export const presenceAnnouncementSchema = z
  .object({
    tabId,
    /** `left`: this tab has closed the conversation (or the page). */
    state: z.enum(["viewing", "typing", "left"], "state: viewing, typing or left"),
  })
  .strict();

export type PresenceAnnouncement = z.infer<typeof presenceAnnouncementSchema>;

/** The request body's limit: a tab id and a state fit many times over. */
export const PRESENCE_BODY_LIMIT = 512;
