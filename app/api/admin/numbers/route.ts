import { NextResponse } from "next/server";
import { createNumber, listNumbers } from "@/lib/admin/numbers";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { numberCreateSchema } from "@/lib/validations/admin";

export const GET = route(async () => {
  await requireApiAdmin();
  return NextResponse.json({ numbers: await listNumbers(db()) });
});

export const POST = route(async (request) => {
  const admin = await requireApiAdmin();
  const input = numberCreateSchema.parse(await readJsonBody(request, 64 * 1024));
  return NextResponse.json({ number: await createNumber(db(), admin, input) }, { status: 201 });
});
