import { NextResponse } from "next/server";
import { updateUser } from "@/lib/admin/users";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route, uuidParam } from "@/lib/http";
import { userUpdateSchema } from "@/lib/validations/admin";

type Context = { params: Promise<{ id: string }> };

/** Rename, change role, deactivate (sessions end at once) or reactivate; never the last admin. */
export const PATCH = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No user with that id.");
  const input = userUpdateSchema.parse(await readJsonBody(request, 16 * 1024));
  return NextResponse.json({ user: await updateUser(db(), admin, id, input) });
});
