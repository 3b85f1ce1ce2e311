import "server-only";
import type { Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PresenceState } from "@/lib/generated/prisma/enums";
import { publishChanges } from "@/lib/realtime/publish";
import type { PresenceAnnouncement } from "@/lib/validations/presence";
import {
  collapsePresence,
  PRESENCE_TTL_SECONDS,
  strongestState,
  type PresenceEntry,
} from "@/lib/validations/presence-view";
import { findViewableConversation } from "./conversation-queries";

// Who is on a conversation. A tab's row counts until its expires_at, on the database's clock (app
// instances' clocks may differ): a tab that closes or goes silent lapses by itself, with no timer.

/**
 * A tab of the viewer's is viewing, typing in, or has left the conversation: its row is renewed
 * for PRESENCE_TTL_SECONDS, or removed. 404 unless the viewer may see the conversation. Publishes
 * `presence.updated` only when what others see of this user changes (they arrive, switch between
 * viewing and replying, or leave with their last tab), never on a plain renewal. Idempotent.
 */
export async function announcePresence(
  database: Db,
  viewer: Actor,
  conversationId: string,
  { tabId, state }: PresenceAnnouncement,
): Promise<void> {
  await findViewableConversation(database, viewer, conversationId);
  await database.$transaction(async (tx) => {
    // One announcement of this user's on this conversation at a time, so before/after are exact.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${conversationId}), hashtext(${viewer.id}))`;
    // Opportunistic clean-up; rows another transaction holds are left for next time (no waiting).
    await tx.$executeRaw`
      DELETE FROM conversation_presence WHERE (conversation_id, user_id, tab_id) IN (
        SELECT conversation_id, user_id, tab_id FROM conversation_presence
        WHERE conversation_id = ${conversationId}::uuid AND expires_at <= now()
        FOR UPDATE SKIP LOCKED)`;
    const before = await shownState(tx, conversationId, viewer.id);
    if (state === "left") {
      await tx.conversationPresence.deleteMany({ where: { conversationId, userId: viewer.id, tabId } });
    } else {
      await tx.$executeRaw`
        INSERT INTO conversation_presence (conversation_id, user_id, tab_id, state, expires_at)
        VALUES (${conversationId}::uuid, ${viewer.id}::uuid, ${tabId}, ${state}::"PresenceState",
                now() + make_interval(secs => ${PRESENCE_TTL_SECONDS}))
        ON CONFLICT (conversation_id, user_id, tab_id)
        DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at`;
    }
    if ((await shownState(tx, conversationId, viewer.id)) !== before) {
      await publishChanges(tx, [{ kind: "presence.updated", conversationId }]);
    }
  });
}

/**
 * Everyone else whose tabs are on the conversation now: one entry per user (replying wins over
 * viewing), replying first. The viewer's own tabs are left out. 404 unless they may see it.
 */
export async function listPresence(database: Db, viewer: Actor, conversationId: string): Promise<PresenceEntry[]> {
  await findViewableConversation(database, viewer, conversationId);
  const rows = await database.$queryRaw<PresenceEntry[]>`
    SELECT p.user_id::text AS "userId", u.name, p.state::text AS state
    FROM conversation_presence p JOIN users u ON u.id = p.user_id
    WHERE p.conversation_id = ${conversationId}::uuid AND p.user_id <> ${viewer.id}::uuid
      AND p.expires_at > now() AND u.active`;
  return collapsePresence(rows);
}

/** What others see of this user on the conversation now (their live tabs collapsed). */
async function shownState(
  tx: Prisma.TransactionClient,
  conversationId: string,
  userId: string,
): Promise<PresenceState | null> {
  const rows = await tx.$queryRaw<{ state: PresenceState }[]>`
    SELECT state::text AS state FROM conversation_presence
    WHERE conversation_id = ${conversationId}::uuid AND user_id = ${userId}::uuid AND expires_at > now()`;
  return strongestState(rows.map((row) => row.state));
}
