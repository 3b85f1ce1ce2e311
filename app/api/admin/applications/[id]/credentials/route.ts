import { NextResponse } from "next/server";
import { rotateCallbackCredentials } from "@/lib/admin/bandwidth-config";
import { idParam } from "@/lib/admin/request";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { rotateCredentialsSchema } from "@/lib/validations/admin";

type Context = { params: Promise<{ id: string }> };

/** New callback credentials (shown once); the old pair keeps working for `graceHours`. */
export const POST = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = await idParam(context, "application");
  const { graceHours } = rotateCredentialsSchema.parse(await readJsonBody(request, 1024));
  return NextResponse.json({ credentials: await rotateCallbackCredentials(db(), admin, id, graceHours), graceHours }, { status: 201 });
});
