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

/** One of our numbers with who may use it. */
export type NumberWithAccess = NumberAccess & { e164: string };

/**
 * Who may see a conversation: admins, every one; agents, those of our numbers they may send
 * from (a number restricted to chosen agents is closed to the others everywhere: lists, search,
 * threads, media, names, live events). A conversation on a number that is no longer ours is for
 * admins only.
 */
export function canViewConversation(actor: Actor | null, conversation: { number: NumberAccess | null }): boolean {
  if (!canUseInbox(actor)) return false;
  if (actor.role === "ADMIN") return true;
  return conversation.number !== null && canSendFrom(actor, conversation.number);
}

/**
 * The same rule over all our numbers at once, in a form SQL applies too (the list and search turn
 * it into a condition on the owner number; live notices and media check one conversation).
 */
export type ConversationScope = { kind: "all" } | { kind: "numbers"; numbers: string[] } | { kind: "none" };

export function conversationScope(actor: Actor | null, numbers: readonly NumberWithAccess[]): ConversationScope {
  if (!canUseInbox(actor)) return { kind: "none" };
  if (actor.role === "ADMIN") return { kind: "all" };
  return {
    kind: "numbers",
    numbers: numbers.filter((number) => canViewConversation(actor, { number })).map((number) => number.e164),
  };
}

export function isInScope(scope: ConversationScope, conversation: { ownerNumber: string }): boolean {
  if (scope.kind === "all") return true;
  return scope.kind === "numbers" && scope.numbers.includes(conversation.ownerNumber);
}

/** A saved reply as the policies see it: a user's own (`ownerId`) or the team's (`ownerId` null). */
export type SavedReplyOwnership = { ownerId: string | null };

/** Team replies are for everyone; a personal reply only for its owner (admins included). */
export function canSeeSavedReply(actor: Actor | null, reply: SavedReplyOwnership): boolean {
  if (!canUseInbox(actor)) return false;
  return reply.ownerId === null || reply.ownerId === actor.id;
}

/** Create, edit or delete: one's own personal replies; the team's, admins only. */
export function canManageSavedReply(actor: Actor | null, reply: SavedReplyOwnership): boolean {
  if (!canUseInbox(actor)) return false;
  return reply.ownerId === null ? actor.role === "ADMIN" : reply.ownerId === actor.id;
}

/**
 * Consent by hand (an opt-out or opt-in with a reason): whoever may send from our number the
 * conversation is on (admins always), since they are the ones who must stop or may resume texting.
 */
export function canRecordConsent(actor: Actor | null, number: NumberAccess | null): boolean {
  return number !== null && canSendFrom(actor, number);
}

/** A customer's consent state and history for one of our numbers: whoever may see its conversations. */
export function canViewConsent(actor: Actor | null, number: NumberAccess | null): boolean {
  return canViewConversation(actor, { number });
}

/** The opt-out list of every account (search, CSV import and export) and the consent settings: admins. */
export function canManageOptOuts(actor: Actor | null): boolean {
  return canAdminister(actor);
}

/** The team report (volume, response times, closings): everyone in the inbox, within the numbers they may see. */
export function canViewTeamReport(actor: Actor | null): actor is Actor {
  return canUseInbox(actor);
}

/** The delivery report, its drill-down to conversations, and refreshing the reports' figures: admins. */
export function canViewDeliveryReport(actor: Actor | null): actor is Actor {
  return canAdminister(actor);
}
