import { NextResponse } from "next/server";
import { listAudit } from "@/lib/admin/audit";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route, searchParamsOf } from "@/lib/http";
import { auditQuerySchema } from "@/lib/validations/admin";

/** Who changed what and when, newest first (`?action=&targetType=&actorId=&before=&limit=`). */
export const GET = route(async (request) => {
  await requireApiAdmin();
  return NextResponse.json(await listAudit(db(), auditQuerySchema.parse(searchParamsOf(request))));
});
