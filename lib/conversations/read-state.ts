import "server-only";
import type { Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { findViewableConversation } from "./conversation-queries";

/**
 * The agent has read the conversation up to now: their unread count drops to 0 and the mentions of
 * them in its notes count as read. Idempotent.
 */
export async function markConversationRead(
  database: Db,
  user: Actor,
  conversationId: string,
): Promise<{ lastReadAt: Date }> {
  await findViewableConversation(database, user, conversationId);
  const lastReadAt = new Date();
  await database.conversationRead.upsert({
    where: { userId_conversationId: { userId: user.id, conversationId } },
    create: { userId: user.id, conversationId, lastReadAt },
    update: { lastReadAt },
  });
  await database.noteMention.updateMany({
    where: { userId: user.id, conversationId, readAt: null },
    data: { readAt: lastReadAt },
  });
  return { lastReadAt };
}
