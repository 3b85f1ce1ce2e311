import { NextResponse } from "next/server";
import { updateApplication } from "@/lib/admin/applications";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route, uuidParam } from "@/lib/http";
import { applicationUpdateSchema } from "@/lib/validations/admin";

type Context = { params: Promise<{ id: string }> };

export const PATCH = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No application with that id.");
  const input = applicationUpdateSchema.parse(await readJsonBody(request, 16 * 1024));
  return NextResponse.json({ application: await updateApplication(db(), admin, id, input) });
});
