import { NextResponse } from "next/server";
import { createUser, listUsers } from "@/lib/admin/users";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { userCreateSchema } from "@/lib/validations/admin";

/** Everyone who can sign in (never password hashes). */
export const GET = route(async () => {
  await requireApiAdmin();
  return NextResponse.json({ users: await listUsers(db()) });
});

/** A new person, with a one-time password or an invitation link (in this answer only). */
export const POST = route(async (request) => {
  const admin = await requireApiAdmin();
  const input = userCreateSchema.parse(await readJsonBody(request, 16 * 1024));
  return NextResponse.json(await createUser(db(), admin, input), { status: 201 });
});
