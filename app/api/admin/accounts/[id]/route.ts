import { NextResponse } from "next/server";
import { accountSettings, updateAccount } from "@/lib/admin/accounts";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route, uuidParam } from "@/lib/http";
import { accountUpdateSchema } from "@/lib/validations/admin";

type Context = { params: Promise<{ id: string }> };

/** Changes an account; `credentialSecret` replaces the stored secret (it is never sent back). */
export const PATCH = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No Bandwidth account with that id.");
  const input = accountUpdateSchema.parse(await readJsonBody(request, 16 * 1024));
  return NextResponse.json({ account: await updateAccount(db(), admin, id, input, accountSettings()) });
});
