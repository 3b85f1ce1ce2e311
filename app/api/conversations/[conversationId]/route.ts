import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { HttpError, route } from "@/lib/http";
import { getConversation } from "@/lib/messaging/conversation-queries";
import { conversationIdParam } from "@/lib/validations/conversations";

type Context = { params: Promise<{ conversationId: string }> };

/** One conversation's header: our number, participants with their names, title. */
export const GET = route<Context>(async (_request, context) => {
  await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  const conversation = await getConversation(db(), conversationId);
  if (!conversation) throw new HttpError(404, "not_found", "No conversation with that id.");
  return NextResponse.json({ conversation });
});
