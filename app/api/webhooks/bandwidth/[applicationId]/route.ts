import { NextResponse } from "next/server";
import { db } from "@/lib/db";
import { databaseUnavailable, untilAborted, webhookPool, webhookSignal } from "@/lib/db-pool";
import { HttpError } from "@/lib/errors";
import { readJsonBody, route } from "@/lib/http";
import { callbackCredentialsAccepted, noteRefusedCallback } from "@/lib/messaging/callback-auth";
import { queueMediaDownloads } from "@/lib/media/queue-downloads";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";

type Context = { params: Promise<{ applicationId: string }> };

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Bandwidth's callbacks for one messaging application (the URL admins paste into Bandwidth). Within
 * the deadline of lib/db-pool.ts, or 503 with Retry-After and nothing stored.
 */
export const POST = route<Context>(async (request, context) => {
  const signal = webhookSignal(request);
  const { applicationId } = await context.params;
  const accepted = await untilAborted(
    callbackCredentialsAccepted(db(), applicationId, request.headers.get("authorization")),
    signal,
  ).catch((error: unknown) => {
    throw databaseUnavailable(error) ?? error;
  });
  if (!accepted) {
    // Worth noting for the admins, not worth a 5xx: the answer is 401 either way.
    await untilAborted(noteRefusedCallback(db(), applicationId, request.headers.has("authorization")), signal).catch(
      () => undefined,
    );
    return NextResponse.json(
      { error: { code: "unauthenticated", message: "Callback credentials missing or wrong" } },
      { status: 401, headers: { "www-authenticate": 'Basic realm="Switchboard callbacks", charset="UTF-8"' } },
    );
  }
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  const elements = Array.isArray(body) ? body : [body];
  if (elements.length === 0) throw new HttpError(400, "empty_batch", "The body is an empty array: no events to store");
  const summary = await ingestCallbacks(webhookPool(), applicationId, elements, { queueMediaDownloads, signal });
  return NextResponse.json({ received: summary.events, outcomes: summary.outcomes });
});
