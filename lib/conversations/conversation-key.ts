/**
 * A conversation is our number plus the sorted set of everyone else in it. Inbound:
 * participants = ({from} ∪ to) − owner, so a group MMS lands in the group's conversation, not the
 * sender's one-to-one thread. Outbound: participants = to.
 */
export type ConversationIdentity = {
  ownerNumber: string;
  participants: string[];
  participantsKey: string;
  isGroup: boolean;
};

export function conversationIdentity(ownerNumber: string, numbers: Iterable<string>): ConversationIdentity {
  const identity = conversationIdentityOrNull(ownerNumber, numbers);
  if (!identity) throw new Error("A conversation needs at least one participant besides our number");
  return identity;
}

/** The identity, or null when no one but our number is in it (what a callback may claim). */
export function conversationIdentityOrNull(
  ownerNumber: string,
  numbers: Iterable<string>,
): ConversationIdentity | null {
  const participants = [...new Set(numbers)].filter((number) => number !== ownerNumber).sort();
  if (participants.length === 0) return null;
  return { ownerNumber, participants, participantsKey: participants.join(","), isGroup: participants.length > 1 };
}

export function inboundIdentity(owner: string, from: string, to: string[]): ConversationIdentity | null {
  return conversationIdentityOrNull(owner, [from, ...to]);
}
