import { NextResponse } from "next/server";
import { testAccountConnection } from "@/lib/admin/account-connection";
import { requireApiAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { route, uuidParam } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** "Test connection": one authenticated call to Bandwidth with the stored credentials; the answer in words. */
export const POST = route<Context>(async (_request, context) => {
  await requireApiAdmin();
  const id = uuidParam((await context.params).id, "No Bandwidth account with that id.");
  const settings = { encryptionKey: env().ENCRYPTION_KEY, timeoutMs: env().BANDWIDTH_REQUEST_TIMEOUT_MS };
  return NextResponse.json({ result: await testAccountConnection(db(), id, settings) });
});
