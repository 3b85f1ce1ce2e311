import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { loadTeamReport } from "@/lib/reports/reports";
import { reportQuerySchema } from "@/lib/validations/reports";

/** The team report for `?from&to&tz[&number]` (everyone in the inbox, within the numbers they may see). */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  const query = reportQuerySchema.parse(searchParamsOf(request));
  return NextResponse.json(await loadTeamReport(db(), user, query), { headers: { "Cache-Control": "no-store" } });
});
