import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { markConversationRead } from "@/lib/conversations/read-state";
import { conversationIdParam } from "@/lib/validations/conversations";

type Context = { params: Promise<{ conversationId: string }> };

/** The signed-in agent has read this conversation. */
export const PUT = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  return NextResponse.json(await markConversationRead(db(), user, conversationId));
});
