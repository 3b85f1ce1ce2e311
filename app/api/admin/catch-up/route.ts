import { NextResponse } from "next/server";
import { listCatchUpRuns, requestCatchUpRun } from "@/lib/admin/catch-up-runs";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { catchUpRunsQuerySchema } from "@/lib/validations/admin";

/** The catch-up job's latest runs, newest first (`?limit=`). */
export const GET = route(async (request) => {
  await requireApiAdmin();
  return NextResponse.json(await listCatchUpRuns(db(), catchUpRunsQuerySchema.parse(searchParamsOf(request))));
});

/** Run the catch-up now (202): queued for whichever instance takes it; 409 when it is turned off. */
export const POST = route(async () => {
  await requireApiAdmin();
  return NextResponse.json(await requestCatchUpRun(), { status: 202 });
});
