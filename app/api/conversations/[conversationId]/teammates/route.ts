import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { listTeammates } from "@/lib/conversations/workflow-store";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { conversationIdParam } from "@/lib/validations/conversations";

type Context = { params: Promise<{ conversationId: string }> };

/** Who this conversation can be assigned to and who can be mentioned in its notes. */
export const GET = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  return NextResponse.json({ teammates: await listTeammates(db(), user, conversationId) });
});
