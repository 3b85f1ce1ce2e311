import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { countConversations } from "@/lib/conversations/conversation-queries";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { conversationCountsQuery } from "@/lib/validations/conversations";

/** Each view's size for the signed-in agent, and how many conversations need them. */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  const query = conversationCountsQuery.parse(searchParamsOf(request));
  return NextResponse.json({ counts: await countConversations(db(), user, query) });
});
