import { NextResponse } from "next/server";
import { listOpenAlerts } from "@/lib/admin/alerts";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route } from "@/lib/http";

/** Problems waiting for an admin, newest first. */
export const GET = route(async () => {
  await requireApiAdmin();
  return NextResponse.json({ alerts: await listOpenAlerts(db()) });
});
