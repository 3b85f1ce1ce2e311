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
  const participants = [...new Set(numbers)].filter((number) => number !== ownerNumber).sort();
  if (participants.length === 0) throw new Error("A conversation needs at least one participant besides our number");
  return { ownerNumber, participants, participantsKey: participants.join(","), isGroup: participants.length > 1 };
}

export function inboundIdentity(owner: string, from: string, to: string[]): ConversationIdentity {
  return conversationIdentity(owner, [from, ...to]);
}
