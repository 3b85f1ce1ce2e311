import "server-only";
import type { Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { findViewableConversation } from "./conversation-queries";

/** The agent has read the conversation up to now (their unread count drops to 0). Idempotent. */
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
  return { lastReadAt };
}
