import "server-only";
import type { ParsedCallback, StatusCallback } from "@/lib/bandwidth/callback-schema";
import type { Sql } from "@/lib/db-pool";
import type { CallbackOutcome } from "@/lib/generated/prisma/enums";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { logEvent, type LogEntry } from "./ingest-log";
import { ingestReceived } from "./ingest-received";
import { applyStatusEvent, claimStatusEvent } from "./ingest-status";

export type ElementResult = { outcome: CallbackOutcome; notices: ChangeNotice[]; mediaIds?: string[] };

/**
 * One element of a request, read by `readCallback`: logged with what became of it, and applied when
 * it is a valid event of this application. A received event given `notifyOn` announces itself.
 */
export async function ingestElement(
  sql: Sql,
  entry: LogEntry,
  parsed: ParsedCallback,
  notifyOn: string | null = null,
): Promise<ElementResult> {
  if (parsed.kind === "rejected") {
    await logEvent(sql, entry, { ...NO_FACTS, type: typeOf(entry.payload) }, "rejected", parsed.reason);
    return { outcome: "rejected", notices: [] };
  }
  if (parsed.kind === "other") {
    const facts = { ...NO_FACTS, type: parsed.type };
    await logEvent(sql, { ...entry, dedupeKey: parsed.dedupeKey }, facts, "ignored", `${parsed.type} is not acted on`);
    return { outcome: "ignored", notices: [] };
  }
  const keyed = { ...entry, dedupeKey: parsed.dedupeKey };
  if (parsed.kind === "received") return ingestReceived(sql, parsed.event, keyed, notifyOn);
  const facts = factsOf(parsed.event);
  const claimed = await claimStatusEvent(sql, entry.applicationId, parsed.event, parsed.dedupeKey);
  if (claimed.rejection) {
    await logEvent(sql, keyed, facts, "rejected", claimed.rejection);
    return { outcome: "rejected", notices: [] };
  }
  if (!claimed.fresh) {
    await logEvent(sql, keyed, facts, "duplicate", "seen before");
    return { outcome: "duplicate", notices: [] };
  }
  const result = await applyStatusEvent(sql, parsed.event, claimed.message);
  await logEvent(sql, keyed, facts, result.outcome, result.reason, result.deferTag);
  return result;
}

/**
 * Whether the database refused a statement for the data one element brought (a data exception,
 * a constraint, a program limit such as an index entry's size), rather than being unavailable.
 */
export function isElementError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^(22|23|54)[0-9A-Z]{3}$/.test(code);
}

/** Logs an element the database refused (after its statement or savepoint was rolled back). */
export async function logRefused(sql: Sql, entry: LogEntry, error: unknown): Promise<ElementResult> {
  const reason = `the database refused it: ${String((error as Error).message).slice(0, 300)}`;
  await logEvent(sql, entry, { ...NO_FACTS, type: typeOf(entry.payload) }, "rejected", reason);
  return { outcome: "rejected", notices: [] };
}

const NO_FACTS = { type: null, messageId: null, recipient: null, time: null };

function factsOf(event: StatusCallback) {
  return { type: event.type, messageId: event.message.id, recipient: event.to, time: new Date(event.time) };
}

function typeOf(element: unknown): string | null {
  const type = typeof element === "object" && element !== null ? (element as { type?: unknown }).type : undefined;
  return typeof type === "string" ? type.slice(0, 100) : null;
}
