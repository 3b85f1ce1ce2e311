import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { createSavedReply, listSavedReplies } from "@/lib/saved-replies/saved-replies";
import { savedReplyCreateSchema } from "@/lib/validations/saved-replies";

/** The caller's personal replies and the team's, by name. */
export const GET = route(async () => {
  const user = await requireApiUser();
  return NextResponse.json({ savedReplies: await listSavedReplies(db(), user) });
});

/** A personal reply, or a team reply (admins). */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const input = savedReplyCreateSchema.parse(await readJsonBody(request, 16 * 1024));
  return NextResponse.json({ savedReply: await createSavedReply(db(), user, input) }, { status: 201 });
});
