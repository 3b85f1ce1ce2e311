import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConversationIdentity } from "./conversation-key";

type Placeholders = {
  owner: string;
  participants: string;
  key: string;
  isGroup: string;
  at: string;
  lastMessageId: string;
  onlyIf?: string;
};

/**
 * The one statement that finds-or-creates a conversation by its identity and records its newest
 * message (a message older than the one on record leaves it alone). Safe when two requests create
 * it at once. With `onlyIf`, nothing is written unless that SQL condition holds. Given as SQL with the caller's placeholders so the webhook can embed it in its
 * single-statement CTEs; `upsertConversation` runs it on its own.
 */
export function upsertConversationSql(p: Placeholders): string {
  const values = `gen_random_uuid(), ${p.owner}, ${p.participants}::text[], ${p.key}, ${p.isGroup}, ${p.at}, ${p.lastMessageId}::uuid, now(), now()`;
  return `INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, last_message_id, created_at, updated_at)
  ${p.onlyIf ? `SELECT ${values} WHERE ${p.onlyIf}` : `VALUES (${values})`}
  ON CONFLICT (owner_number, participants_key) DO UPDATE SET
    last_message_id = CASE WHEN EXCLUDED.last_message_at >= conversations.last_message_at THEN EXCLUDED.last_message_id ELSE conversations.last_message_id END,
    last_message_at = GREATEST(conversations.last_message_at, EXCLUDED.last_message_at),
    updated_at = now()
  RETURNING id`;
}

const STANDALONE = upsertConversationSql({
  owner: "$1",
  participants: "$2",
  key: "$3",
  isGroup: "$4",
  at: "$5",
  lastMessageId: "$6",
});

/** Finds or creates the conversation and makes `lastMessageId` (at `at`) its newest message. */
export async function upsertConversation(
  tx: Prisma.TransactionClient,
  identity: ConversationIdentity,
  at: Date,
  lastMessageId: string,
): Promise<string> {
  const rows = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `WITH c AS (${STANDALONE}) SELECT id::text AS id FROM c`,
    identity.ownerNumber,
    identity.participants,
    identity.participantsKey,
    identity.isGroup,
    at,
    lastMessageId,
  );
  const id = rows[0]?.id;
  if (!id) throw new Error("conversation upsert returned no row");
  return id;
}
