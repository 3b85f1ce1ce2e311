import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { listConversations } from "@/lib/conversations/conversation-queries";
import { listConversationsQuery } from "@/lib/validations/conversations";

export const GET = route(async (request) => {
  const user = await requireApiUser();
  const query = listConversationsQuery.parse(searchParamsOf(request));
  return NextResponse.json(await listConversations(db(), user, query));
});
