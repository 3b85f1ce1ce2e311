import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { retryFailedRecipients } from "@/lib/messaging/send/retry-failed-recipients";
import { uuid } from "@/lib/validations/common";

type Context = { params: Promise<{ messageId: string }> };

/** Send the message again to the recipients it failed for; answers 202 with the new message. */
export const POST = route<Context>(async (_request, context) => {
  const user = await requireApiUser();
  const messageId = uuid("message id must be a UUID").parse((await context.params).messageId);
  return NextResponse.json({ message: await retryFailedRecipients(db(), user, messageId) }, { status: 202 });
});
