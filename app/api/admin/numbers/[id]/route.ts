import { NextResponse } from "next/server";
import { deleteNumber, updateNumber } from "@/lib/admin/numbers";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route, uuidParam } from "@/lib/http";
import { numberUpdateSchema } from "@/lib/validations/admin";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No number with that id.");
  const input = numberUpdateSchema.parse(await readJsonBody(request, 64 * 1024));
  return NextResponse.json({ number: await updateNumber(db(), admin, id, input) });
});

export const DELETE = route<Context>(async (_request, context) => {
  const admin = await requireApiAdmin();
  await deleteNumber(db(), admin, uuidParam((await context.params).id, "No number with that id."));
  return new Response(null, { status: 204 });
});
