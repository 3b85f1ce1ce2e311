import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { listActiveTeammates } from "@/lib/users/teammates";

/** Every active teammate, by name (the bulk "Assign to…" choice). */
export const GET = route(async () => {
  await requireApiUser();
  return NextResponse.json({ teammates: await listActiveTeammates(db()) });
});
