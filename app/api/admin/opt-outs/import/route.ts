import { NextResponse } from "next/server";
import { requireApiAdmin } from "@/lib/auth/session";
import { assertCsvContentType, decodeCsvBody, importOptOuts, MAX_IMPORT_BYTES } from "@/lib/contacts/consent-import";
import { db } from "@/lib/db";
import { readBodyBytes, route, searchParamsOf } from "@/lib/http";
import { optOutsAccountQuery } from "@/lib/validations/consent";

/** A CSV body (`phone_number[,reason]` lines) into the opt-out list of `?accountId=`. */
export const POST = route(async (request) => {
  const admin = await requireApiAdmin();
  const { accountId } = optOutsAccountQuery.parse(searchParamsOf(request));
  assertCsvContentType(request.headers.get("content-type"));
  const csv = decodeCsvBody(await readBodyBytes(request, MAX_IMPORT_BYTES, "The list must be at most 1 MiB: split it"));
  return NextResponse.json(await importOptOuts(db(), admin, { accountId, csv }));
});
