import "server-only";
import type { Db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { toNotificationSettings, type NotificationSettings } from "@/lib/validations/notifications";

const columns = { notifyAssigned: true, notifyUnassigned: true, notifyMentions: true, notifySound: true } as const;

/** Which desktop notifications this user wants (the browser's permission aside). */
export async function getNotificationSettings(database: Db, userId: string): Promise<NotificationSettings> {
  const user = await database.user.findUnique({ where: { id: userId }, select: columns });
  if (!user) throw notFound("No such user.");
  return toNotificationSettings(user);
}

/** The user sets their own notification settings (all four at once). Idempotent. */
export async function updateNotificationSettings(
  database: Db,
  userId: string,
  settings: NotificationSettings,
): Promise<NotificationSettings> {
  const user = await database.user.update({
    where: { id: userId },
    data: {
      notifyAssigned: settings.assigned,
      notifyUnassigned: settings.unassigned,
      notifyMentions: settings.mentions,
      notifySound: settings.sound,
    },
    select: columns,
  });
  return toNotificationSettings(user);
}
