import { NextResponse } from "next/server";
import { listUsers } from "@/lib/admin/overview";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route } from "@/lib/http";

export const GET = route(async () => {
  await requireApiAdmin();
  return NextResponse.json({ users: await listUsers(db()) });
});
