import { describe, expect, it } from "vitest";
import { testDb, unique } from "@/lib/testing/test-database";
import { listActiveTeammates } from "./teammates";

async function user(name: string, active = true) {
  return testDb().user.create({
    data: { email: `${unique("teammate")}@example.com`, name, passwordHash: "x", role: "AGENT", active },
    select: { id: true, name: true },
  });
}

describe("active teammates", () => {
  it("lists the active users by name, ids and names only", async () => {
    const zoe = await user(`Zoe ${unique("")}`);
    const adam = await user(`Adam ${unique("")}`);
    const gone = await user(`Gone ${unique("")}`, false);
    const teammates = await listActiveTeammates(testDb());
    expect(teammates).toContainEqual(zoe);
    expect(teammates).toContainEqual(adam);
    expect(teammates.map((t) => t.id)).not.toContain(gone.id);
    expect(teammates.findIndex((t) => t.id === adam.id)).toBeLessThan(teammates.findIndex((t) => t.id === zoe.id));
    for (const teammate of teammates) expect(Object.keys(teammate).sort()).toEqual(["id", "name"]);
  });
});
