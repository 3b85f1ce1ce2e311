import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { numbersUserMaySendFrom } from "@/lib/messaging/send/sender-numbers";

/** Our numbers the signed-in user may send from. */
export const GET = route(async () => {
  const user = await requireApiUser();
  return NextResponse.json({ numbers: await numbersUserMaySendFrom(db(), user) });
});
