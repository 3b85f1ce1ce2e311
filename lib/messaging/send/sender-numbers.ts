import "server-only";
import { canSendFrom, type NumberAccess } from "@/lib/auth/policies";
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
