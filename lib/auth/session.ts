import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { HttpError, forbidden } from "@/lib/errors";
import { authOptions } from "./options";
import { canAdminister, canUseInbox } from "./policies";

export type CurrentUser = { id: string; email: string; name: string; role: "ADMIN" | "AGENT"; active: boolean };

/**
 * The signed-in user as the database knows them now, or null. A session whose user was
 * deactivated, or whose sessions were ended (sessionVersion bumped), counts as signed out.
 * Cached per request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const token = session?.user;
  if (!token?.id) return null;
  const user = await db().user.findUnique({
    where: { id: token.id },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active) return null;
  const { sessionVersion, ...current } = user;
  if (session?.sessionVersion !== sessionVersion) return null;
  return current;
});

/** Whether a signed-in user may still be served (the live stream asks this while it stays open). */
export async function isStillActive(userId: string): Promise<boolean> {
  return (await db().user.count({ where: { id: userId, active: true } })) > 0;
}

/** For API routes: 401 when signed out. */
export async function requireApiUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!canUseInbox(user)) throw new HttpError(401, "unauthenticated", "Sign in to use this API.");
  return user;
}

/** For admin API routes: 401 when signed out, 403 for anyone but an admin. */
export async function requireApiAdmin(): Promise<CurrentUser> {
  const user = await requireApiUser();
  if (!canAdminister(user)) throw forbidden("Only admins may do this.");
  return user;
}

/** For pages: sends a signed-out visitor to the sign-in page, then back. */
export async function requirePageUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!canUseInbox(user)) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
