import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { getConversation } from "@/lib/conversations/conversation-queries";
import { updateConversationWorkflow } from "@/lib/conversations/workflow-store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readJsonBody, route } from "@/lib/http";
import { conversationIdParam, updateConversationBody } from "@/lib/validations/conversations";

type Context = { params: Promise<{ conversationId: string }> };

/** One conversation's header: our number, participants with their names, title, status, assignee. */
export const GET = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  return NextResponse.json({ conversation: await getConversation(db(), user, conversationId) });
});

/** Close, reopen, snooze, assign or unassign. */
export const PATCH = route<Context>(async (request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  const change = updateConversationBody.parse(await readJsonBody(request, 4_096));
  const conversation = await updateConversationWorkflow(db(), user, conversationId, change, {
    minSnoozeMs: env().SNOOZE_MINIMUM_SECONDS * 1_000,
  });
  return NextResponse.json({ conversation });
});
