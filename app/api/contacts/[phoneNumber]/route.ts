import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readJsonBody, route } from "@/lib/http";
import { labelNumber } from "@/lib/contacts/contact-labels";
import { contactLabelSchema, phoneNumberParam } from "@/lib/validations/contacts";

type Context = { params: Promise<{ phoneNumber: string }> };

/** Name a participant's number (an empty name removes the label). */
export const PUT = route<Context>(async (request, context) => {
  const user = await requireApiUser();
  const phoneNumber = phoneNumberParam.parse((await context.params).phoneNumber);
  const { name } = contactLabelSchema.parse(await readJsonBody(request, 4 * 1024));
  return NextResponse.json(await labelNumber(db(), user, phoneNumber, name));
});
