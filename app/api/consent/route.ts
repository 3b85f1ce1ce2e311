import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { getConsentState, recordConsentByHand } from "@/lib/contacts/consent";
import { db } from "@/lib/db";
import { readJsonBody, route, searchParamsOf } from "@/lib/http";
import { consentQuery, recordConsentBody } from "@/lib/validations/consent";

/** An agent or admin records an opt-out or opt-in by hand: 201 with the history entry. */
export const POST = route(async (request) => {
  const user = await requireApiUser();
  const body = recordConsentBody.parse(await readJsonBody(request, 8 * 1024));
  return NextResponse.json(await recordConsentByHand(db(), user, body), { status: 201 });
});

/** `?phoneNumber=&ourNumber=`: the customer's current consent for our number, and its history. */
export const GET = route(async (request) => {
  const user = await requireApiUser();
  return NextResponse.json(await getConsentState(db(), user, consentQuery.parse(searchParamsOf(request))));
});
