import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { listOptOuts } from "@/lib/contacts/consent-admin";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { listOptOutsQuery } from "@/lib/validations/consent";

/** Current opt-outs, newest first (`?q=&accountId=&cursor=&limit=`). */
export const GET = route(async (request) => {
  const admin = await requireApiAdmin();
  return NextResponse.json(await listOptOuts(db(), admin, listOptOutsQuery.parse(searchParamsOf(request))));
});
