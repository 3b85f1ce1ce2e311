import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { getConsentSettings, updateConsentSettings } from "@/lib/contacts/consent-admin";
import { db } from "@/lib/db";
import { readJsonBody, route, uuidParam } from "@/lib/http";
import { accountConsentSettingsBody } from "@/lib/validations/consent";

type Context = { params: Promise<{ id: string }> };

/** The account's consent scope and automatic reply texts (defaults filled in). */
export const GET = route<Context>(async (_request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No Bandwidth account with that id.");
  return NextResponse.json(await getConsentSettings(db(), admin, id));
});

export const PATCH = route<Context>(async (request, context) => {
  const admin = await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No Bandwidth account with that id.");
  const change = accountConsentSettingsBody.parse(await readJsonBody(request, 8 * 1024));
  return NextResponse.json(await updateConsentSettings(db(), admin, id, change));
});
