import { z } from "zod";

/**
 * GET and PUT /api/me/notifications, and the account page's toggles: which desktop notifications the
 * agent wants (new customer messages in conversations assigned to them, in unassigned ones, mentions
 * of them in notes) and whether they make a sound.
 */
export const notificationSettingsBody = z.strictObject({
  assigned: z.boolean({ message: "assigned: true or false" }),
  unassigned: z.boolean({ message: "unassigned: true or false" }),
  mentions: z.boolean({ message: "mentions: true or false" }),
  sound: z.boolean({ message: "sound: true or false" }),
});

export type NotificationSettings = z.infer<typeof notificationSettingsBody>;

/** GET /api/notifications: what happened for the agent since `after` (without it: only the server's time). */
export const notificationFeedQuery = z.object({
  after: z.iso
    .datetime({ offset: true, message: "after: an ISO 8601 time, e.g. 2026-12-01T09:00:00Z" })
    .transform((value) => new Date(value))
    .optional(),
});

/** The settings as stored on the user. */
export function toNotificationSettings(user: {
  notifyAssigned: boolean;
  notifyUnassigned: boolean;
  notifyMentions: boolean;
  notifySound: boolean;
}): NotificationSettings {
  return {
    assigned: user.notifyAssigned,
    unassigned: user.notifyUnassigned,
    mentions: user.notifyMentions,
    sound: user.notifySound,
  };
}
