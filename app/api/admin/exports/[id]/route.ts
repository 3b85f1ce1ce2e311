import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getExport } from "@/lib/exports/exports-store";
import { route, uuidParam } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** One of the admin's exports with its progress (rows written of the total, bytes, status). */
export const GET = route<Context>(async (_request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No export with that id.");
  return NextResponse.json({ export: await getExport(db(), admin, id) });
});
