import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import type { Db } from "@/lib/db";

/** Our numbers the user may send from (admins: all), for the composer's "send from" choice. */
export async function numbersUserMaySendFrom(database: Db, user: CurrentUser) {
  const numbers = await database.phoneNumber.findMany({
    where: user.role === "ADMIN" ? {} : { OR: [{ allowAllAgents: true }, { agents: { some: { userId: user.id } } }] },
    orderBy: { e164: "asc" },
    select: { e164: true, label: true, tollFree: true },
  });
  return numbers;
}
