import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { getConversation } from "@/lib/conversations/conversation-queries";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { conversationIdParam } from "@/lib/validations/conversations";

type Context = { params: Promise<{ conversationId: string }> };

/** One conversation's header: our number, participants with their names, title. */
export const GET = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  return NextResponse.json({ conversation: await getConversation(db(), user, conversationId) });
});
