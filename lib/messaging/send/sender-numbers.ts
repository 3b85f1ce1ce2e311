import "server-only";
import { canSendFrom, type Actor, type NumberAccess } from "@/lib/auth/policies";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";
import { toSenderNumber, type SenderNumber } from "@/lib/validations/conversation-view";

/** What `canSendFrom` needs of a number, as one Prisma select. */
export const numberAccessSelect = { e164: true, allowAllAgents: true, agents: { select: { userId: true } } } as const;

export function toNumberAccess(number: { allowAllAgents: boolean; agents: Array<{ userId: string }> }): NumberAccess {
  return { allowAllAgents: number.allowAllAgents, agentIds: number.agents.map((agent) => agent.userId) };
}

/** Our numbers the user may send from (admins: all), for the composer's "send from" choice. */
export async function numbersUserMaySendFrom(database: Db, user: CurrentUser): Promise<SenderNumber[]> {
  const numbers = await database.phoneNumber.findMany({
    orderBy: { e164: "asc" },
    select: { ...numberAccessSelect, label: true, tollFree: true },
  });
  return numbers.filter((number) => canSendFrom(user, toNumberAccess(number))).map(toSenderNumber);
}

/**
 * Why this user cannot send from our number `from` (`number` as stored, or null when it is no
 * longer ours), in words, with the HTTP status a send gets; null when they can. The send refuses
 * with it, and a conversation's header carries it so the reply box says so before anyone types.
 */
export function senderProblem(
  user: Actor,
  number: NumberAccess | null,
  from: string,
): { status: 403 | 422; message: string } | null {
  if (!number) return { status: 422, message: `${formatPhoneNumber(from)} is not one of our numbers any more.` };
  if (!canSendFrom(user, number))
    return {
      status: 403,
      message: `You are not allowed to send from ${formatPhoneNumber(from)}. Ask an admin for access.`,
    };
  return null;
}
