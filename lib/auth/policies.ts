import type { Role } from "@/lib/generated/prisma/enums";

/** What the policies need to know about a user; pure so they are trivially testable. */
export type Actor = { id: string; role: Role; active: boolean };

export function canUseInbox(actor: Actor | null): actor is Actor {
  return actor !== null && actor.active;
}

export function canAdminister(actor: Actor | null): actor is Actor {
  return canUseInbox(actor) && actor.role === "ADMIN";
}
