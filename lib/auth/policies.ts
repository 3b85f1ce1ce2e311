import type { Role } from "@/lib/generated/prisma/enums";

// Who may do what, as pure functions of the facts they need: every server path that touches data
// asks these (never only the UI or middleware), and each is unit-tested.

/** What the policies need to know about a user. */
export type Actor = { id: string; role: Role; active: boolean };

export function canUseInbox(actor: Actor | null): actor is Actor {
  return actor !== null && actor.active;
}

export function canAdminister(actor: Actor | null): actor is Actor {
  return canUseInbox(actor) && actor.role === "ADMIN";
}

/** Who may send from one of our numbers, as an admin set it up. */
export type NumberAccess = { allowAllAgents: boolean; agentIds: readonly string[] };

/** Admins always; agents when the number is open to every agent or names them. */
export function canSendFrom(actor: Actor | null, number: NumberAccess): boolean {
  if (!canUseInbox(actor)) return false;
  return actor.role === "ADMIN" || number.allowAllAgents || number.agentIds.includes(actor.id);
}

/**
 * The conversations an actor may see, in a form both code and SQL apply (the list query turns it
 * into a condition; `canViewConversation` checks one conversation). Today every active user sees
 * every conversation; restrictions join here as new kinds.
 */
export type ConversationScope = { kind: "all" } | { kind: "none" };

export function conversationScope(actor: Actor | null): ConversationScope {
  return canUseInbox(actor) ? { kind: "all" } : { kind: "none" };
}

export function canViewConversation(actor: Actor | null, conversation: { ownerNumber: string }): boolean {
  return isInScope(conversationScope(actor), conversation);
}

export function isInScope(scope: ConversationScope, _conversation: { ownerNumber: string }): boolean {
  return scope.kind === "all";
}
