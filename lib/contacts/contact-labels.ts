import "server-only";
import { isInScope, type Actor } from "@/lib/auth/policies";
import { viewerScope } from "@/lib/conversations/viewer-scope";
import { notFound } from "@/lib/errors";
import type { Db } from "@/lib/db";
import { publishChanges } from "@/lib/realtime/publish";
import type { Labels } from "@/lib/validations/conversation-view";

/** The names agents gave to these numbers. */
export async function labelsFor(database: Db, numbers: string[]): Promise<Labels> {
  if (numbers.length === 0) return new Map();
  const rows = await database.contactLabel.findMany({ where: { phoneNumber: { in: [...new Set(numbers)] } } });
  return new Map(rows.map((row) => [row.phoneNumber, row.name]));
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
