import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { sendMessage } from "@/lib/messaging/send/send-message";
import { sendMessageSchema } from "@/lib/validations/send-message";

/** Send an SMS, or a group message: stored as queued and answered 202; delivery follows live. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const input = sendMessageSchema.parse(await readJsonBody(request, 64 * 1024));
  const message = await sendMessage(db(), user, input);
  return NextResponse.json({ message }, { status: 202 });
});
