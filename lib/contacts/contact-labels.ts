import "server-only";
import { isInScope, type Actor } from "@/lib/auth/policies";
import { viewerScope } from "@/lib/conversations/viewer-scope";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { notFound, unprocessable } from "@/lib/errors";
import type { Db } from "@/lib/db";
import { publishChanges } from "@/lib/realtime/publish";
import { ourLineName, type Labels } from "@/lib/validations/conversation-view";

/**
 * The names of these numbers: the ones agents gave to customers, and for our own numbers (another
 * of our lines on a group text) their admin label, marked as ours.
 */
export async function labelsFor(database: Db, numbers: string[]): Promise<Labels> {
  if (numbers.length === 0) return new Map();
  const distinct = [...new Set(numbers)];
  const [rows, ours] = await Promise.all([
    database.contactLabel.findMany({ where: { phoneNumber: { in: distinct } } }),
    database.phoneNumber.findMany({ where: { e164: { in: distinct } }, select: { e164: true, label: true } }),
  ]);
  const labels = new Map(rows.map((row) => [row.phoneNumber, row.name]));
  for (const number of ours) labels.set(number.e164, ourLineName(number.label));
  return Object.assign(labels, { ourLines: new Set(ours.map((number) => number.e164)) });
}

/**
 * Names a participant's number for everyone (an empty name removes it); every conversation with
 * that number shows it. Announced live. Idempotent.
 */
export async function labelNumber(
  database: Db,
  user: Actor,
  phoneNumber: string,
  name: string,
): Promise<{ phoneNumber: string; name: string | null }> {
  // Our own numbers are named by admins, in the console, never as contacts.
  if (await database.phoneNumber.findUnique({ where: { e164: phoneNumber }, select: { id: true } }))
    throw unprocessable(
      `${formatPhoneNumber(phoneNumber)} is one of our numbers: an admin names it in the admin console.`,
    );
  // Only a number the agent meets in a conversation they may see can be named by them.
  const scope = await viewerScope(database, user);
  const seen = await database.conversation.findMany({
    where: { participants: { has: phoneNumber } },
    select: { ownerNumber: true },
    take: 500,
  });
  if (!seen.some((conversation) => isInScope(scope, conversation)))
    throw notFound("No conversation of yours has that number.");
  const trimmed = name.trim();
  await database.$transaction(async (tx) => {
    if (trimmed === "") await tx.contactLabel.deleteMany({ where: { phoneNumber } });
    else
      await tx.contactLabel.upsert({
        where: { phoneNumber },
        create: { phoneNumber, name: trimmed, updatedById: user.id },
        update: { name: trimmed, updatedById: user.id },
      });
    const conversations = await tx.conversation.findMany({
      where: { participants: { has: phoneNumber } },
      select: { id: true },
      take: 200,
    });
    await publishChanges(
      tx,
      conversations.map((conversation) => ({ kind: "conversation.updated" as const, conversationId: conversation.id })),
    );
  });
  return { phoneNumber, name: trimmed || null };
}
