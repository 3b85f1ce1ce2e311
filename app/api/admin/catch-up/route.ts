import { NextResponse } from "next/server";
import { listCatchUpRuns } from "@/lib/admin/catch-up-runs";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { catchUpRunsQuerySchema } from "@/lib/validations/admin";

/** The catch-up job's latest runs, newest first (`?limit=`). */
export const GET = route(async (request) => {
  await requireApiAdmin();
  return NextResponse.json(await listCatchUpRuns(db(), catchUpRunsQuerySchema.parse(searchParamsOf(request))));
});
