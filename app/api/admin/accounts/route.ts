import { NextResponse } from "next/server";
import { accountSettings, createAccount, listAccounts } from "@/lib/admin/accounts";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { accountCreateSchema } from "@/lib/validations/admin";

/** Bandwidth accounts (never their secrets: `credentialSecretSet` only). */
export const GET = route(async () => {
  await requireApiAdmin();
  return NextResponse.json({ accounts: await listAccounts(db()) });
});

export const POST = route(async (request) => {
  const admin = await requireApiAdmin();
  const input = accountCreateSchema.parse(await readJsonBody(request, 16 * 1024));
  return NextResponse.json({ account: await createAccount(db(), admin, input, accountSettings()) }, { status: 201 });
});
