import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { HttpError, route, searchParamsOf } from "@/lib/http";
import { getConversation } from "@/lib/messaging/conversation-queries";
import { listMessages } from "@/lib/messaging/message-queries";
import { conversationIdParam, listMessagesQuery } from "@/lib/validations/conversations";

type Context = { params: Promise<{ conversationId: string }> };

export const GET = route<Context>(async (request, context) => {
  await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  const query = listMessagesQuery.parse(searchParamsOf(request));
  if (!(await getConversation(db(), conversationId))) throw new HttpError(404, "not_found", "No conversation with that id.");
  return NextResponse.json(await listMessages(db(), conversationId, query));
});
