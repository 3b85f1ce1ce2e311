import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { addNote } from "@/lib/conversations/notes";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { conversationIdParam } from "@/lib/validations/conversations";
import { addNoteBody } from "@/lib/validations/notes";

type Context = { params: Promise<{ conversationId: string }> };

/** An internal note for the team, maybe mentioning teammates; never sent to the customer. */
export const POST = route<Context>(async (request, context) => {
  const user = await requireApiUser();
  const conversationId = conversationIdParam.parse((await context.params).conversationId);
  const input = addNoteBody.parse(await readJsonBody(request, 32_768));
  return NextResponse.json({ note: await addNote(db(), user, conversationId, input) }, { status: 201 });
});
