import "server-only";
import { recordAudit } from "@/lib/admin/audit";
import { canManageSavedReply, canSeeSavedReply, type Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { conflict, forbidden, notFound, unprocessable } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SavedReplyCreate, SavedReplyUpdate } from "@/lib/validations/saved-replies";
import { toSavedReply } from "@/lib/validations/saved-reply-view";

// Saved replies: each user's personal ones and the team's (ownerId null, managed by admins). A
// personal reply is invisible to everyone else, admins included: asking for it answers 404.

type Tx = Prisma.TransactionClient;

/** Per owner (the team counts as one): the composer loads them all at once. */
export const MAX_SAVED_REPLIES_PER_OWNER = 200;

const NOT_FOUND = "No saved reply with that id.";

/** The user's personal replies and the team's, by name (case-insensitive), personal first on a tie. */
export async function listSavedReplies(database: Db, actor: Actor) {
  const rows = await database.savedReply.findMany({
    where: { OR: [{ ownerId: null }, { ownerId: actor.id }] },
    take: 2 * MAX_SAVED_REPLIES_PER_OWNER,
  });
  return rows
    .sort((a, b) => byName.compare(a.name, b.name) || Number(a.ownerId === null) - Number(b.ownerId === null))
    .map((row) => toSavedReply(row, canManageSavedReply(actor, row)));
}

/**
 * Adds a personal reply (anyone) or a team reply (admins: 403 otherwise; audited). Names are
 * unique per owner, ignoring case: 409. At most MAX_SAVED_REPLIES_PER_OWNER per owner: 422.
 */
export async function createSavedReply(database: Db, actor: Actor, input: SavedReplyCreate) {
  const ownerId = input.scope === "team" ? null : actor.id;
  if (!canManageSavedReply(actor, { ownerId })) throw forbidden("Only admins manage team replies.");
  return database.$transaction(async (tx) => {
    const names = await lockNamesOf(tx, ownerId);
    if (names.length >= MAX_SAVED_REPLIES_PER_OWNER)
      throw unprocessable(`At most ${MAX_SAVED_REPLIES_PER_OWNER} ${ownerId ? "personal" : "team"} replies.`);
    assertNameFree(names, input.name, null);
    const row = await tx.savedReply.create({ data: { ownerId, name: input.name, body: input.body } });
    if (ownerId === null)
      await recordAudit(tx, actor.id, "saved_reply.create", { type: "saved_reply", id: row.id }, { name: row.name });
    return toSavedReply(row, true);
  });
}

/** Renames or rewrites a reply its caller may manage (404 for another's personal one, 403 for an agent on a team one). */
export async function updateSavedReply(database: Db, actor: Actor, id: string, input: SavedReplyUpdate) {
  return database.$transaction(async (tx) => {
    const current = await manageable(tx, actor, id);
    if (input.name !== undefined) assertNameFree(await lockNamesOf(tx, current.ownerId), input.name, id);
    const row = await tx.savedReply.update({ where: { id }, data: { name: input.name, body: input.body } });
    if (row.ownerId === null) {
      const changed = (["name", "body"] as const).filter(
        (field) => input[field] !== undefined && input[field] !== current[field],
      );
      await recordAudit(
        tx,
        actor.id,
        "saved_reply.update",
        { type: "saved_reply", id },
        {
          name: row.name,
          ...(current.name !== row.name ? { previousName: current.name } : {}),
          changed,
        },
      );
    }
    return toSavedReply(row, true);
  });
}

/** Deletes a reply its caller may manage (the same 404/403 as an update); team deletions are audited. */
export async function deleteSavedReply(database: Db, actor: Actor, id: string): Promise<void> {
  await database.$transaction(async (tx) => {
    const current = await manageable(tx, actor, id);
    await tx.savedReply.delete({ where: { id } });
    if (current.ownerId === null)
      await recordAudit(tx, actor.id, "saved_reply.delete", { type: "saved_reply", id }, { name: current.name });
  });
}

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The reply, locked, if the actor may change it: another's personal reply does not exist for them. */
async function manageable(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.$queryRaw<Array<{ id: string; ownerId: string | null; name: string; body: string }>>`
    SELECT id::text, owner_id::text AS "ownerId", name, body FROM saved_replies WHERE id = ${id}::uuid FOR UPDATE`;
  if (!row || !canSeeSavedReply(actor, row)) throw notFound(NOT_FOUND);
  if (!canManageSavedReply(actor, row)) throw forbidden("Only admins manage team replies.");
  return row;
}

/**
 * The names an owner uses, read under a lock on that owner's replies until the transaction ends:
 * two requests adding the same name at once cannot both pass the check (the table has no unique
 * index, as names are unique ignoring case).
 */
async function lockNamesOf(tx: Tx, ownerId: string | null): Promise<Array<{ id: string; name: string }>> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`saved_replies:${ownerId ?? "team"}`}))`;
  return tx.savedReply.findMany({ where: { ownerId }, select: { id: true, name: true } });
}

function assertNameFree(names: Array<{ id: string; name: string }>, name: string, exceptId: string | null) {
  const key = nameKey(name);
  if (names.some((other) => other.id !== exceptId && nameKey(other.name) === key))
    throw conflict(`There is already a reply named “${name}”.`, "duplicate_name");
}

function nameKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("en");
}
