import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { loadFailedConversations } from "@/lib/reports/reports";
import { failuresQuerySchema } from "@/lib/validations/reports";

/** The conversations an error code hit, `?code&from&to&tz[&number][&cursor]` (admins). */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  const query = failuresQuerySchema.parse(searchParamsOf(request));
  return NextResponse.json(await loadFailedConversations(db(), user, query), {
    headers: { "Cache-Control": "no-store" },
  });
});
