import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route, uuidParam } from "@/lib/http";
import { deleteSavedReply, updateSavedReply } from "@/lib/saved-replies/saved-replies";
import { savedReplyUpdateSchema } from "@/lib/validations/saved-replies";

type Context = { params: Promise<{ id: string }> };

const NOT_FOUND = "No saved reply with that id.";

/** Rename or rewrite one's own reply, or a team reply (admins). */
export const PATCH = route<Context>(async (request, context) => {
  const user = await requireApiUser();
  const id = uuidParam((await context.params).id, NOT_FOUND);
  const input = savedReplyUpdateSchema.parse(await readJsonBody(request, 16 * 1024));
  return NextResponse.json({ savedReply: await updateSavedReply(db(), user, id, input) });
});

export const DELETE = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  await deleteSavedReply(db(), user, uuidParam((await context.params).id, NOT_FOUND));
  return new Response(null, { status: 204 });
});
