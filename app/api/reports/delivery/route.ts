import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { loadDeliveryReport } from "@/lib/reports/reports";
import { reportQuerySchema } from "@/lib/validations/reports";

/** The delivery report for `?from&to&tz[&number]` (admins). */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  const query = reportQuerySchema.parse(searchParamsOf(request));
  return NextResponse.json(await loadDeliveryReport(db(), user, query), { headers: { "Cache-Control": "no-store" } });
});
