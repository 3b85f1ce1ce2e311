import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { announcePresence, listPresence } from "@/lib/conversations/presence";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { conversationIdParam } from "@/lib/validations/conversations";
import { PRESENCE_BODY_LIMIT, presenceAnnouncementSchema } from "@/lib/validations/presence";

type Context = { params: Promise<{ conversationId: string }> };

/** Who else is viewing or replying in this conversation now. */
export const GET = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  return NextResponse.json({ presence: await listPresence(db(), user, conversationId) });
});

/** A tab of the signed-in user's is viewing, typing in, or has left this conversation. */
export const PUT = route<Context>(async (request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  const announcement = presenceAnnouncementSchema.parse(await readJsonBody(request, PRESENCE_BODY_LIMIT));
  await announcePresence(db(), user, conversationId, announcement);
  return new Response(null, { status: 204 });
});

/** The same as PUT, for navigator.sendBeacon (which can only POST) when a tab closes. */
export const POST = PUT;
