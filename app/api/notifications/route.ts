import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { notificationFeed } from "@/lib/conversations/notification-feed";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { notificationFeedQuery } from "@/lib/validations/notifications";

/** What the signed-in agent wants a desktop notification for since `after`, and the time to ask from next. */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  const { after } = notificationFeedQuery.parse(searchParamsOf(request));
  return NextResponse.json(await notificationFeed(db(), user, after));
});
