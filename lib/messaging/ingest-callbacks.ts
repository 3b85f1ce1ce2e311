import "server-only";
import { randomUUID } from "node:crypto";
import { parseCallback, statusCallbackSchema } from "@/lib/bandwidth/callback-schema";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallbackOutcome } from "@/lib/generated/prisma/enums";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { publishChanges } from "@/lib/realtime/publish";
import { applyReceived } from "./apply-received";
import { applyStatus, applyToMessage } from "./apply-status";

type Tx = Prisma.TransactionClient;

export type IngestSummary = { requestId: string; events: number; outcomes: Partial<Record<CallbackOutcome, number>> };

/**
 * Stores and applies one callback request: every element is logged verbatim in `callback_events`
 * with what became of it, and applied, all in one transaction, so the caller may answer 2xx only
 * once this resolves. Idempotent per event (a repeat is logged as `duplicate` and changes nothing),
 * order-independent (statuses only move forward), and never throws for a bad element (it is
 * logged as `rejected`). Change notices go out on commit.
 */
export async function ingestCallbacks(database: Db, applicationId: string, elements: unknown[]): Promise<IngestSummary> {
  const requestId = randomUUID();
  const outcomes = await withDeadlockRetry(() =>
    database.$transaction((tx) => ingestInTransaction(tx, applicationId, requestId, elements), { maxWait: 10_000, timeout: 20_000 }),
  );
  return { requestId, events: elements.length, outcomes };
}

async function ingestInTransaction(tx: Tx, applicationId: string, requestId: string, elements: unknown[]) {
  // Serialise work on the same Bandwidth message across requests. All of a request's locks are
  // taken first, in one order, so two requests can never wait on each other in a cycle.
  for (const key of messageLockKeys(elements)) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  const outcomes: Partial<Record<CallbackOutcome, number>> = {};
  const notices: ChangeNotice[] = [];
  for (const [position, element] of elements.entries()) {
    const result = await ingestOne(tx, element);
    outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
    notices.push(...result.notices);
    const logged = await tx.callbackEvent.create({
      data: {
        applicationId,
        requestId,
        position,
        type: result.type,
        bandwidthMessageId: result.messageId,
        recipient: result.recipient,
        eventTime: result.time,
        dedupeKey: result.dedupeKey,
        payload: (element ?? null) as Prisma.InputJsonValue,
        outcome: result.outcome,
        reason: result.reason ?? null,
      },
      select: { id: true },
    });
    if (result.outcome === "deferred" && result.tag) {
      await tx.pendingStatusEvent.create({ data: { tag: result.tag, callbackEventId: logged.id, payload: element as Prisma.InputJsonValue } });
    }
  }
  await publishChanges(tx, notices);
  return outcomes;
}

function messageLockKeys(elements: unknown[]): string[] {
  const keys = elements.flatMap((element) => {
    const id = (element as { message?: { id?: unknown } } | null)?.message?.id;
    return typeof id === "string" ? [`bandwidth-message:${id}`] : [];
  });
  return [...new Set(keys)].sort();
}

// PostgreSQL breaks a rare deadlock (e.g. two batches touching the same two conversations in
// opposite orders) by aborting one transaction; running it again is the prescribed remedy.
async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      const retryable = /40P01|40001|deadlock detected|could not serialize/.test(message);
      if (!retryable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

type OneResult = {
  outcome: CallbackOutcome;
  reason?: string;
  notices: ChangeNotice[];
  type: string | null;
  messageId: string | null;
  recipient: string | null;
  time: Date | null;
  dedupeKey: string | null;
  tag?: string;
};

async function ingestOne(tx: Tx, element: unknown): Promise<OneResult> {
  const parsed = parseCallback(element);
  if (parsed.kind === "rejected") {
    return { outcome: "rejected", reason: parsed.reason, notices: [], type: typeOf(element), messageId: null, recipient: null, time: null, dedupeKey: null };
  }
  if (parsed.kind === "other") {
    return { outcome: "ignored", reason: `${parsed.type} is not acted on`, notices: [], type: parsed.type, messageId: null, recipient: null, time: null, dedupeKey: parsed.dedupeKey };
  }
  const { event, dedupeKey } = parsed;
  const facts = { type: event.type, messageId: event.message.id, recipient: event.to, time: new Date(event.time), dedupeKey, tag: event.message.tag };
  if (!(await claim(tx, dedupeKey))) return { ...facts, outcome: "duplicate", reason: "seen before", notices: [] };
  try {
    if (parsed.kind === "received") {
      const { notices, reason } = await applyReceived(tx, parsed.event);
      return { ...facts, outcome: notices.length ? "applied" : "duplicate", reason, notices };
    }
    return { ...facts, ...(await applyStatus(tx, parsed.event)) };
  } catch (error) {
    // Only a broken event lands here (e.g. a message with no one but our number in it).
    if (error instanceof Error && !("code" in error)) return { ...facts, outcome: "rejected", reason: error.message, notices: [] };
    throw error;
  }
}

/** True the first time an event key is seen; concurrent copies wait on the key's row lock. */
async function claim(tx: Tx, dedupeKey: string): Promise<boolean> {
  const inserted = await tx.$executeRaw`INSERT INTO callback_dedupe (dedupe_key) VALUES (${dedupeKey}) ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

/**
 * Applies status events that arrived before the message they name (by tag) existed. Call in the
 * transaction that creates the message or stores its Bandwidth id.
 */
export async function applyPendingStatusEvents(tx: Tx, messageId: string): Promise<ChangeNotice[]> {
  const pending = await tx.pendingStatusEvent.findMany({ where: { tag: messageId }, orderBy: { id: "asc" } });
  if (pending.length === 0) return [];
  const locked = await tx.$queryRaw<Array<{ id: string; conversation_id: string; bandwidth_message_id: string | null }>>`
    SELECT id::text, conversation_id::text, bandwidth_message_id FROM messages WHERE id = ${messageId}::uuid FOR UPDATE`;
  const message = locked[0];
  if (!message) return [];
  const notices: ChangeNotice[] = [];
  for (const entry of pending) {
    const event = statusCallbackSchema.safeParse(entry.payload);
    if (event.success) notices.push(...(await applyToMessage(tx, message, event.data)).notices);
  }
  await tx.pendingStatusEvent.deleteMany({ where: { id: { in: pending.map((entry) => entry.id) } } });
  return notices;
}

function typeOf(element: unknown): string | null {
  const type = typeof element === "object" && element !== null ? (element as { type?: unknown }).type : undefined;
  return typeof type === "string" ? type.slice(0, 100) : null;
}
