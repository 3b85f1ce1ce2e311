import "server-only";
import type { Db } from "@/lib/db";
import { raiseAlert } from "@/lib/admin/alerts";
import { QUEUES } from "@/lib/jobs/queue";
import { publishChanges } from "@/lib/realtime/publish";

// How a send attempt ends when it does not go out: later (the claim released, the job queued
// again) or never (the message and its waiting recipients failed, with the reason in words).

export type SendJobResult = "sent" | "failed" | "rescheduled" | "awaiting-confirmation" | "skipped";

/** Queues a job to run at `at` (pg-boss in the app; a recorder in tests). */
export type Schedule = (queue: string, data: object, at: Date) => Promise<void>;

export async function retryLater(
  deps: { database: Db; schedule: Schedule },
  messageId: string,
  delayMs: number,
  detail: string,
): Promise<SendJobResult> {
  // Nothing went out (Bandwidth neither sends nor bills on an error), so the claim is released.
  await deps.database.message.update({ where: { id: messageId }, data: { submittedAt: null, errorDetail: detail } });
  await deps.schedule(QUEUES.send, { messageId }, new Date(Date.now() + delayMs));
  return "rescheduled";
}

export async function failMessage(database: Db, messageId: string, detail: string): Promise<SendJobResult> {
  await database.$transaction(async (tx) => {
    const message = await tx.message.update({
      where: { id: messageId },
      data: { status: "failed", errorDetail: detail },
      select: { conversationId: true },
    });
    await tx.messageRecipient.updateMany({
      where: { messageId, status: "queued" },
      data: { status: "failed", errorDescription: detail, statusAt: new Date() },
    });
    await publishChanges(tx, [{ kind: "message.updated", conversationId: message.conversationId, messageId }]);
  });
  return "failed";
}

/** 2 s, 4 s, 8 s … capped at 5 minutes, with ±50 % jitter so retries do not arrive in step. */
export function backoff(attempt: number): number {
  const base = Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 300_000);
  return Math.round(base * (0.5 + Math.random()));
}

/**
 * Bandwidth (or its token endpoint) refused the account's credentials: the message fails with the
 * reason, and admins are alerted once, since every send from the account fails until they act.
 */
export async function failForRejectedCredentials(
  database: Db,
  messageId: string,
  account: { id: string; accountId: string },
  detail: string,
): Promise<SendJobResult> {
  await raiseAlert(database, {
    kind: "bandwidth.credentials_rejected",
    accountId: account.id,
    message: `${detail} for account ${account.accountId}. Messages from its numbers fail until an admin updates its API credentials.`,
  });
  return failMessage(database, messageId, `${detail}. An admin has been told.`);
}
