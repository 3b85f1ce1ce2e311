import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { HttpError, forbidden } from "@/lib/errors";
import { authOptions } from "./options";
import { canAdminister, canUseInbox } from "./policies";

export type CurrentUser = { id: string; email: string; name: string; role: "ADMIN" | "AGENT"; active: boolean };

type CurrentSession = { user: CurrentUser; sessionVersion: number; mustChangePassword: boolean };

/** Where a user with a one-time password is sent until they choose their own. */
export const CHANGE_PASSWORD_PATH = "/account";

/** Lets the change-password page and route through while a one-time password is still in use. */
type Options = { duringPasswordChange?: boolean };

/**
 * The signed-in user as the database knows them now, with the version of this session, or null.
 * A session whose user was deactivated, or whose sessions were ended (sessionVersion moved on:
 * sign-out, password change), counts as signed out. Cached per request.
 */
const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await getServerSession(authOptions());
  const token = session?.user;
  if (!token?.id) return null;
  const user = await db().user.findUnique({
    where: { id: token.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      sessionVersion: true,
      mustChangePassword: true,
    },
  });
  if (!user || !user.active || session?.sessionVersion !== user.sessionVersion) return null;
  const { sessionVersion, mustChangePassword, ...current } = user;
  return { user: current, sessionVersion, mustChangePassword };
});

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/**
 * For API routes: 401 when signed out, 403 `password_change_required` while a one-time password
 * must still be replaced. With the session's version, for checks while a response stays open.
 */
export async function requireApiSession(options: Options = {}): Promise<{ user: CurrentUser; sessionVersion: number }> {
  const session = await getCurrentSession();
  if (!session || !canUseInbox(session.user)) throw new HttpError(401, "unauthenticated", "Sign in to use this API.");
  if (session.mustChangePassword && !options.duringPasswordChange) {
    throw new HttpError(
      403,
      "password_change_required",
      "Replace your one-time password first: POST /api/me/password, or the page /account.",
    );
  }
  return session;
}

/** For API routes: 401 when signed out (403 while a one-time password must be replaced). */
export async function requireApiUser(options: Options = {}): Promise<CurrentUser> {
  return (await requireApiSession(options)).user;
}

/** For admin API routes: 401 when signed out, 403 for anyone but an admin. */
export async function requireApiAdmin(): Promise<CurrentUser> {
  const user = await requireApiUser();
  if (!canAdminister(user)) throw forbidden("Only admins may do this.");
  return user;
}

/**
 * For pages: sends a signed-out visitor to the sign-in page, then back; a user who must replace
 * a one-time password goes to the change-password page first.
 */
export async function requirePageUser(returnTo: string, options: Options = {}): Promise<CurrentUser> {
  const session = await getCurrentSession();
  if (!session || !canUseInbox(session.user)) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (session.mustChangePassword && !options.duringPasswordChange) redirect(CHANGE_PASSWORD_PATH);
  return session.user;
}

/** Whether this page's user still has to replace a one-time password. */
export async function mustChangePassword(): Promise<boolean> {
  return (await getCurrentSession())?.mustChangePassword ?? false;
}
