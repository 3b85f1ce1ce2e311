import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { route } from "@/lib/http";
import { refreshReportsNow } from "@/lib/reports/reports";

/** Brings the reports' figures up to date now instead of at the next minute (admins). */
export const POST = route(async () => {
  const user = await requireApiUser();
  return NextResponse.json(await refreshReportsNow(user));
});
