import { NextResponse } from "next/server";
import { acceptInvite } from "@/lib/admin/users";
import { requestAddress } from "@/lib/auth/client-address";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { acceptInviteSchema } from "@/lib/auth/password-strength";

type Context = { params: Promise<{ token: string }> };

/** Public (the invited person is not signed in yet): the link's token is the credential, once. */
export const POST = route<Context>(async (request, context) => {
  const { token } = await context.params;
  const { password } = acceptInviteSchema.parse(await readJsonBody(request, 4 * 1024));
  return NextResponse.json(await acceptInvite(db(), token.slice(0, 200), password, requestAddress(request)));
});
