import { NextResponse } from "next/server";
import { changePassword } from "@/lib/auth/account";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { changePasswordSchema } from "@/lib/auth/password-strength";

/** The signed-in user replaces their password (also the way out of a one-time password). */
export const POST = route(async (request) => {
  const user = await requireApiUser({ duringPasswordChange: true });
  const input = changePasswordSchema.parse(await readJsonBody(request, 4 * 1024));
  await changePassword(db(), user.id, input);
  return NextResponse.json({ email: user.email });
});
