import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { getNotificationSettings, updateNotificationSettings } from "@/lib/users/notification-settings";
import { notificationSettingsBody } from "@/lib/validations/notifications";

/** Which desktop notifications the signed-in user wants. */
export const GET = route(async () => {
  const user = await requireApiUser();
  return NextResponse.json({ settings: await getNotificationSettings(db(), user.id) });
});

/** The signed-in user sets them (all four). */
export const PUT = route(async (request) => {
  const user = await requireApiUser();
  const settings = notificationSettingsBody.parse(await readJsonBody(request, 1_024));
  return NextResponse.json({ settings: await updateNotificationSettings(db(), user.id, settings) });
});
