import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createExport, listExports } from "@/lib/exports/exports-store";
import { readJsonBody, route, searchParamsOf } from "@/lib/http";
import { createExportSchema, listExportsQuery } from "@/lib/validations/exports";

/** The latest exports of every admin, newest first (`?limit=`). */
export const GET = route(async (request) => {
  await requireApiAdmin();
  const { limit } = listExportsQuery.parse(searchParamsOf(request));
  return NextResponse.json({ exports: await listExports(db(), limit) });
});

/** A new export of messages in a date range (CSV or NDJSON), counted and audited; download it once. */
export const POST = route(async (request) => {
  const admin = await requireApiAdmin();
  const input = createExportSchema.parse(await readJsonBody(request, 4 * 1024));
  return NextResponse.json({ export: await createExport(db(), admin, input) }, { status: 201 });
});
