import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { updateConversationsWorkflow } from "@/lib/conversations/workflow-store";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { readJsonBody, route } from "@/lib/http";
import { bulkUpdateConversationsBody } from "@/lib/validations/conversations";

/** The same change (close, assign, snooze…) to several conversations; each one's result. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const { ids, ...change } = bulkUpdateConversationsBody.parse(await readJsonBody(request, 16_384));
  const results = await updateConversationsWorkflow(db(), user, ids, change, {
    minSnoozeMs: env().SNOOZE_MINIMUM_SECONDS * 1_000,
  });
  return NextResponse.json({ results });
});
