import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConversationIdentity } from "./conversation-key";

/**
 * The conversation with this identity, created if missing; safe when two requests create it at
 * once (INSERT … ON CONFLICT on the unique identity).
 */
export async function upsertConversation(tx: Prisma.TransactionClient, identity: ConversationIdentity, at: Date): Promise<string> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, created_at, updated_at)
    VALUES (gen_random_uuid(), ${identity.ownerNumber}, ${identity.participants}, ${identity.participantsKey}, ${identity.isGroup}, ${at}, now(), now())
    ON CONFLICT (owner_number, participants_key) DO UPDATE SET updated_at = now()
    RETURNING id::text AS id`;
  const id = rows[0]?.id;
  if (!id) throw new Error("conversation upsert returned no row");
  return id;
}
