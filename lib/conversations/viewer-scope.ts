import "server-only";
import { conversationScope, isInScope, type Actor, type ConversationScope } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { toNumberAccess } from "@/lib/messaging/send/sender-numbers";

/** The conversations this viewer may see (admins: all, without a query; agents: one small one). */
export async function viewerScope(database: Db, viewer: Actor): Promise<ConversationScope> {
  if (viewer.role === "ADMIN") return conversationScope(viewer, []);
  const numbers = await database.phoneNumber.findMany({
    select: { e164: true, allowAllAgents: true, agents: { where: { userId: viewer.id }, select: { userId: true } } },
  });
  return conversationScope(
    viewer,
    numbers.map((number) => ({ e164: number.e164, ...toNumberAccess(number) })),
  );
}

/** Whether the viewer may see a conversation on this owner number. */
export async function mayView(database: Db, viewer: Actor, conversation: { ownerNumber: string }): Promise<boolean> {
  return isInScope(await viewerScope(database, viewer), conversation);
}
