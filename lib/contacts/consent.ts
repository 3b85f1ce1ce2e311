import "server-only";
import { canRecordConsent, canViewConsent } from "@/lib/auth/policies";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { forbidden, notFound, unprocessable } from "@/lib/errors";
import { numberAccessSelect, toNumberAccess } from "@/lib/messaging/send/sender-numbers";
import { publishChanges } from "@/lib/realtime/publish";
import type {
  ConsentAction,
  ConsentHistoryEntry,
  ConsentStateView,
  RecordConsentBody,
} from "@/lib/validations/consent";
import { prismaRunner } from "./consent-sql";
import { consentScopeOf, optOutsFor, recordConsentChange, type OptOutRow, toOptOutView } from "./consent-store";

/**
 * An agent or admin records an opt-out or opt-in by hand, with a reason (an opt-in only with the
 * customer's consent confirmed: the body's schema requires it). Allowed to whoever may send from
 * `ourNumber`; covers its account or only that number, as the account is set. History, current
 * state, audit entry and a `conversation.updated` for every conversation of the customer in scope,
 * in one transaction. Not idempotent: each call is a history entry.
 */
export async function recordConsentByHand(
  database: Db,
  user: CurrentUser,
  body: RecordConsentBody,
): Promise<ConsentHistoryEntry> {
  await authorize(database, user, body.ourNumber, canRecordConsent, "record consent for");
  if (body.messageId) await checkMessage(database, body.messageId, body.ourNumber, body.phoneNumber);
  const id = await database.$transaction(async (tx) => {
    const run = prismaRunner(tx);
    const scope = await consentScopeOf(run, body.ourNumber);
    if (!scope) throw unprocessable(`${body.ourNumber} is not one of our numbers.`);
    const recorded = await recordConsentChange(run, {
      phoneNumber: body.phoneNumber,
      accountId: scope.accountId,
      scope: scope.scope,
      ourNumber: body.ourNumber,
      action: body.action,
      source: "agent",
      reason: body.reason,
      userId: user.id,
      messageId: body.messageId ?? null,
    });
    await publishChanges(tx, recorded.notices);
    return recorded.id;
  });
  const [entry] = await historyRows(database, "e.id = $1::uuid", [id]);
  if (!entry) throw new Error("the consent entry just recorded is missing");
  return entry;
}

const HISTORY_LIMIT = 200;

/** A customer's current consent and history for one of our numbers (who may see its conversations). */
export async function getConsentState(
  database: Db,
  user: CurrentUser,
  query: { phoneNumber: string; ourNumber: string },
): Promise<ConsentStateView> {
  await authorize(database, user, query.ourNumber, canViewConsent, "see consent for");
  const run = prismaRunner(database);
  const scope = await consentScopeOf(run, query.ourNumber);
  if (!scope) throw notFound(`${query.ourNumber} is not one of our numbers.`);
  const [optedOut] = await optOutsFor(run, query.ourNumber, [query.phoneNumber]);
  const history = await historyRows(
    database,
    `e.phone_number = $1 AND e.account_id = $2::uuid AND (e.our_number IS NULL OR e.our_number = $3)`,
    [query.phoneNumber, scope.accountId, query.ourNumber],
  );
  return { ...query, scope: scope.scope, optedOut: optedOut ?? null, history };
}

async function historyRows(database: Db, where: string, values: unknown[]): Promise<ConsentHistoryEntry[]> {
  const rows = await database.$queryRawUnsafe<Array<OptOutRow & { id: string; action: ConsentAction }>>(
    `SELECT e.id::text AS id, e.action::text AS action, e.phone_number, e.created_at, e.source::text AS source,
       e.scope::text AS scope, e.our_number, e.reason, u.name AS by_name, e.message_id::text AS message_id
     FROM consent_events e LEFT JOIN users u ON u.id = e.user_id
     WHERE ${where} ORDER BY e.created_at DESC, e.id DESC LIMIT ${HISTORY_LIMIT}`,
    ...values,
  );
  return rows.map((row) => ({ ...toOptOutView(row), id: row.id, action: row.action }));
}

async function authorize(
  database: Db,
  user: CurrentUser,
  ourNumber: string,
  policy: typeof canRecordConsent,
  doing: string,
): Promise<void> {
  const number = await database.phoneNumber.findUnique({ where: { e164: ourNumber }, select: numberAccessSelect });
  if (!number) throw unprocessable(`${ourNumber} is not one of our numbers.`);
  if (!policy(user, toNumberAccess(number)))
    throw forbidden(`You may not ${doing} ${ourNumber}: you cannot send from it. Ask an admin for access.`);
}

/** The message named must be one between that customer and our number. */
async function checkMessage(database: Db, messageId: string, ourNumber: string, phoneNumber: string): Promise<void> {
  const message = await database.message.findUnique({
    where: { id: messageId },
    select: { from: true, to: true, conversation: { select: { ownerNumber: true, participants: true } } },
  });
  if (
    !message ||
    message.conversation.ownerNumber !== ourNumber ||
    !message.conversation.participants.includes(phoneNumber)
  )
    throw unprocessable("messageId: no message between that customer and our number has that id.");
}
