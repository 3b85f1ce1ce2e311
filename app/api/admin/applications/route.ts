import { NextResponse } from "next/server";
import { createApplication, listApplications } from "@/lib/admin/applications";
import { publicAppUrl } from "@/lib/admin/request";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { applicationCreateSchema } from "@/lib/validations/admin";

/** Applications with the callback URL to paste into Bandwidth and the last callback received. */
export const GET = route(async (request) => {
  await requireApiAdmin();
  return NextResponse.json({ applications: await listApplications(db(), publicAppUrl(request)) });
});

/** A new application; its generated callback credentials are in this answer and never again. */
export const POST = route(async (request) => {
  const admin = await requireApiAdmin();
  const input = applicationCreateSchema.parse(await readJsonBody(request, 16 * 1024));
  return NextResponse.json(await createApplication(db(), admin, input, publicAppUrl(request)), { status: 201 });
});
