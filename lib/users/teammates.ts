import "server-only";
import type { Db } from "@/lib/db";
import type { Person } from "@/lib/validations/conversation-view";

/**
 * Every active user, by name: whom an agent can pick when assigning several conversations at once.
 * Names only; whether a teammate may take a given conversation is checked when it is assigned.
 */
export async function listActiveTeammates(database: Db): Promise<Person[]> {
  return database.user.findMany({
    where: { active: true },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
