import "server-only";
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { retryMessage, takeAttempt } from "@/lib/auth/rate-limit";
import type { CurrentUser } from "@/lib/auth/session";
import { hashRandomSecret } from "@/lib/crypto/secret-hash";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HttpError, conflict, notFound } from "@/lib/errors";
import type { UserCreate, UserUpdate } from "@/lib/validations/admin";
import { unassignAllOf } from "@/lib/conversations/workflow-store";
import { recordAudit } from "./audit";

/** Invitation links work this long. */
const INVITE_TTL_MS = 7 * 24 * 3_600_000;

/** Not an argon2 hash: nothing verifies against it, so an invited user cannot sign in until they accept. */
const NO_PASSWORD_YET = "!invited";

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

export function listUsers(database: Db) {
  return database.user.findMany({ orderBy: [{ role: "asc" }, { email: "asc" }], select: userSelect });
}

export type CreatedUser = {
  user: Awaited<ReturnType<typeof listUsers>>[number];
  /** Shown once to the admin to pass on: a one-time password, or the path of an invitation link. */
  oneTimePassword: string | null;
  invitePath: string | null;
};

/** Adds a person: with a one-time password the admin passes on, or an invitation link where they choose their own. */
export async function createUser(database: Db, actor: CurrentUser, input: UserCreate): Promise<CreatedUser> {
  const oneTimePassword = input.access === "password" ? randomBytes(12).toString("base64url") : null;
  const token = input.access === "invite" ? randomBytes(32).toString("base64url") : null;
  const passwordHash = oneTimePassword ? await hashPassword(oneTimePassword) : NO_PASSWORD_YET;
  try {
    const user = await database.$transaction(async (tx) => {
      const created = await tx.user.create({
        // A one-time password was seen by the admin too: the person replaces it at first sign-in.
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash,
          mustChangePassword: oneTimePassword !== null,
        },
        select: userSelect,
      });
      if (token)
        await tx.userInvite.create({
          data: {
            userId: created.id,
            tokenHash: hashRandomSecret(token),
            expiresAt: new Date(Date.now() + INVITE_TTL_MS),
          },
        });
      await recordAudit(
        tx,
        actor.id,
        "user.create",
        { type: "user", id: created.id },
        { email: created.email, name: created.name, role: created.role, access: input.access },
      );
      return created;
    });
    return { user, oneTimePassword, invitePath: token ? `/invite/${token}` : null };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw conflict(`${input.email} already has an account.`);
    throw error;
  }
}

/** Whether removing `userId` from the active admins would leave none. Locks the admins' rows first. */
async function isLastActiveAdmin(tx: Prisma.TransactionClient, userId: string): Promise<boolean> {
  const admins = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id::text FROM users WHERE role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  return admins.length === 1 && admins[0]?.id === userId;
}

/**
 * Renames, changes the role of, deactivates or reactivates a person. Deactivation ends every
 * session at once (the session version moves on); the last active admin cannot be demoted or
 * deactivated, by anyone, themselves included.
 */
export async function updateUser(database: Db, actor: CurrentUser, id: string, input: UserUpdate) {
  return database.$transaction(async (tx) => {
    const current = await tx.user.findUnique({ where: { id } });
    if (!current) throw notFound("No user with that id.");
    const losesAdmin = current.role === "ADMIN" && current.active && (input.role === "AGENT" || input.active === false);
    if (losesAdmin && (await isLastActiveAdmin(tx, id))) {
      throw new HttpError(
        409,
        "last_admin",
        `${current.email} is the last active admin: make someone else an admin first.`,
      );
    }
    const deactivating = input.active === false && current.active;
    const user = await tx.user.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        // Ends the person's sessions everywhere: a role change takes effect at once too.
        ...(deactivating || (input.role !== undefined && input.role !== current.role)
          ? { sessionVersion: { increment: 1 } }
          : {}),
      },
      select: userSelect,
    });
    const changes = Object.fromEntries(
      (["name", "role", "active"] as const)
        .filter((key) => input[key] !== undefined && input[key] !== current[key])
        .map((key) => [key, { from: current[key], to: input[key] }]),
    );
    const action = deactivating
      ? "user.deactivate"
      : input.active === true && !current.active
        ? "user.reactivate"
        : input.role !== undefined && input.role !== current.role
          ? "user.role"
          : "user.update";
    const unassigned = deactivating ? await unassignAllOf(tx, id, actor.id) : 0;
    await recordAudit(
      tx,
      actor.id,
      action,
      { type: "user", id },
      { email: current.email, ...changes, ...(unassigned ? { unassignedConversations: unassigned } : {}) },
    );
    return user;
  });
}

/** What the invitation page shows before the person chooses a password. */
export async function findInvite(database: Db, token: string) {
  const invite = await usableInvite(database, hashRandomSecret(token));
  return invite ? { email: invite.user.email, name: invite.user.name, expiresAt: invite.expiresAt } : null;
}

/** Attempts at accepting an invitation per client address and window (tokens must not be guessed at speed). */
export const INVITE_ATTEMPTS_PER_ADDRESS = 10;
const INVITE_ATTEMPT_WINDOW_MINUTES = 15;

/**
 * The invited person chooses their password; the link then stops working. Attempts are limited
 * per address, and the token is looked up before the (deliberately costly) hash, so a wrong token
 * costs one indexed read. Safe against two tabs accepting at once: only one claims the link.
 */
export async function acceptInvite(
  database: Db,
  token: string,
  password: string,
  address: string,
): Promise<{ email: string }> {
  const verdict = await takeAttempt(
    database,
    `invite:${address}`,
    INVITE_ATTEMPTS_PER_ADDRESS,
    INVITE_ATTEMPT_WINDOW_MINUTES,
  );
  if (verdict.limited)
    throw new HttpError(429, "too_many_attempts", `Too many attempts from your address. ${retryMessage(verdict)}`);
  const tokenHash = hashRandomSecret(token);
  if (!(await usableInvite(database, tokenHash))) throw inviteInvalid();
  const passwordHash = await hashPassword(password);
  return database.$transaction(async (tx) => {
    const invite = await usableInvite(tx, tokenHash);
    const claimed = invite
      ? await tx.userInvite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: new Date() } })
      : { count: 0 };
    if (!invite || claimed.count === 0) throw inviteInvalid();
    await tx.user.update({ where: { id: invite.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(
      tx,
      invite.userId,
      "user.invite_accepted",
      { type: "user", id: invite.userId },
      { email: invite.user.email },
    );
    return { email: invite.user.email };
  });
}

async function usableInvite(database: Db | Prisma.TransactionClient, tokenHash: string) {
  const invite = await database.userInvite.findUnique({
    where: { tokenHash },
    include: { user: { select: { email: true, name: true, active: true } } },
  });
  if (!invite || invite.usedAt || invite.expiresAt.getTime() < Date.now() || !invite.user.active) return null;
  return invite;
}

const inviteInvalid = () =>
  new HttpError(
    404,
    "invite_invalid",
    "This invitation link is not valid any more (used, expired or withdrawn). Ask an admin for a new one.",
  );
