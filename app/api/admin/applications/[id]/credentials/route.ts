import { NextResponse } from "next/server";
import { rotateCallbackCredentials } from "@/lib/admin/applications";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route, uuidParam } from "@/lib/http";
import { rotateCredentialsSchema } from "@/lib/validations/admin";

type Context = { params: Promise<{ id: string }> };

/** New callback credentials (shown once); the old pair keeps working for `graceHours`. */
export const POST = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No application with that id.");
  const { graceHours } = rotateCredentialsSchema.parse(await readJsonBody(request, 1024));
  return NextResponse.json(
    { credentials: await rotateCallbackCredentials(db(), admin, id, graceHours), graceHours },
    { status: 201 },
  );
});
