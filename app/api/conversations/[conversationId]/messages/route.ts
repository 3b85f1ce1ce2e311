import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { listMessages } from "@/lib/conversations/message-queries";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { conversationIdParam, listMessagesQuery } from "@/lib/validations/conversations";

type Context = { params: Promise<{ conversationId: string }> };

export const GET = route<Context>(async (request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  const query = listMessagesQuery.parse(searchParamsOf(request));
  return NextResponse.json(await listMessages(db(), user, conversationId, query));
});
