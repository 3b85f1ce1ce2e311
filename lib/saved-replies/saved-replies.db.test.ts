import { beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/admin/audit";
import type { Actor } from "@/lib/auth/policies";
import { HttpError } from "@/lib/errors";
import { testDb, unique } from "@/lib/testing/test-database";
import { savedReplyCreateSchema } from "@/lib/validations/saved-replies";
import {
  MAX_SAVED_REPLIES_PER_OWNER,
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  updateSavedReply,
} from "./saved-replies";

async function person(role: "ADMIN" | "AGENT"): Promise<Actor> {
  const user = await testDb().user.create({
    data: { email: `${unique(role.toLowerCase())}@example.com`, name: role, passwordHash: "x", role },
  });
  return { id: user.id, role: user.role, active: true };
}

const create = (actor: Actor, input: { name: string; body?: string; scope?: "personal" | "team" }) =>
  createSavedReply(testDb(), actor, savedReplyCreateSchema.parse({ body: "Thank you!", ...input }));

/** The status of the HttpError a call fails with. */
async function statusOf(promise: Promise<unknown>): Promise<number> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
  return error.status;
}

const auditOf = async (id: string) =>
  (await listAudit(testDb(), { limit: 200, targetType: "saved_reply" })).entries.filter((e) => e.targetId === id);

let admin: Actor;
let agent: Actor;
let otherAgent: Actor;
beforeEach(async () => {
  [admin, agent, otherAgent] = await Promise.all([person("ADMIN"), person("AGENT"), person("AGENT")]);
});

describe("saved replies", () => {
  it("lists one's personal replies and the team's by name, never another user's", async () => {
    const team = await create(admin, { name: unique("b team "), scope: "team" });
    const mine = await create(agent, { name: unique("a mine ") });
    const others = await create(otherAgent, { name: unique("a other ") });
    const adminsOwn = await create(admin, { name: unique("c admin ") });

    const listed = await listSavedReplies(testDb(), agent);
    const ids = listed.map((reply) => reply.id);
    expect(ids).toContain(team.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(others.id);
    expect(ids).not.toContain(adminsOwn.id);
    expect(ids.indexOf(mine.id)).toBeLessThan(ids.indexOf(team.id));
    expect(listed.find((reply) => reply.id === team.id)).toMatchObject({ scope: "team", canManage: false });
    expect(listed.find((reply) => reply.id === mine.id)).toMatchObject({ scope: "personal", canManage: true });

    const forAdmin = (await listSavedReplies(testDb(), admin)).map((reply) => reply.id);
    expect(forAdmin).toContain(team.id);
    expect(forAdmin).toContain(adminsOwn.id);
    expect(forAdmin).not.toContain(mine.id);
    expect((await listSavedReplies(testDb(), admin)).find((reply) => reply.id === team.id)?.canManage).toBe(true);
  });

  it("sorts by name ignoring case", async () => {
    const prefix = unique("sort ");
    for (const name of ["banana", "Apple", "cherry"]) await create(agent, { name: `${prefix} ${name}` });
    const names = (await listSavedReplies(testDb(), agent))
      .map((reply) => reply.name)
      .filter((name) => name.startsWith(prefix));
    expect(names).toEqual([`${prefix} Apple`, `${prefix} banana`, `${prefix} cherry`]);
  });

  it("lets only admins write team replies", async () => {
    expect(await statusOf(create(agent, { name: unique("team "), scope: "team" }))).toBe(403);
    const team = await create(admin, { name: unique("team "), scope: "team" });
    expect(await statusOf(updateSavedReply(testDb(), agent, team.id, { body: "changed" }))).toBe(403);
    expect(await statusOf(deleteSavedReply(testDb(), agent, team.id))).toBe(403);
    expect((await testDb().savedReply.findUniqueOrThrow({ where: { id: team.id } })).body).toBe("Thank you!");
  });

  it("answers 404 for another user's personal reply, admins included, and leaves it alone", async () => {
    const mine = await create(agent, { name: unique("mine ") });
    for (const actor of [otherAgent, admin]) {
      expect(await statusOf(updateSavedReply(testDb(), actor, mine.id, { body: "hijacked" }))).toBe(404);
      expect(await statusOf(deleteSavedReply(testDb(), actor, mine.id))).toBe(404);
    }
    expect(await statusOf(deleteSavedReply(testDb(), agent, crypto.randomUUID()))).toBe(404);
    expect((await testDb().savedReply.findUniqueOrThrow({ where: { id: mine.id } })).body).toBe("Thank you!");
  });

  it("updates and deletes one's own reply without auditing it", async () => {
    const mine = await create(agent, { name: unique("mine ") });
    const updated = await updateSavedReply(testDb(), agent, mine.id, { name: "Renamed", body: "Hi {{contact.name}}" });
    expect(updated).toMatchObject({ name: "Renamed", body: "Hi {{contact.name}}", scope: "personal" });
    await deleteSavedReply(testDb(), agent, mine.id);
    expect(await testDb().savedReply.findUnique({ where: { id: mine.id } })).toBeNull();
    expect(await auditOf(mine.id)).toEqual([]);
  });

  it("refuses a duplicate name per owner, ignoring case, with 409", async () => {
    const name = unique("Welcome ");
    const first = await create(agent, { name });
    expect(await statusOf(create(agent, { name: name.toUpperCase() }))).toBe(409);
    // Another owner (another agent, the team) may use the same name.
    await create(otherAgent, { name });
    const team = await create(admin, { name, scope: "team" });
    expect(await statusOf(create(admin, { name: ` ${name.toLowerCase()} `, scope: "team" }))).toBe(409);
    // Renaming onto a taken name is refused; keeping one's own name (in another case) is not.
    const second = await create(agent, { name: unique("Other ") });
    expect(await statusOf(updateSavedReply(testDb(), agent, second.id, { name }))).toBe(409);
    expect((await updateSavedReply(testDb(), agent, first.id, { name: name.toUpperCase() })).name).toBe(
      name.toUpperCase(),
    );
    expect((await updateSavedReply(testDb(), admin, team.id, { name: name.toLowerCase() })).name).toBe(
      name.toLowerCase(),
    );
  });

  it("lets only one of two simultaneous requests take a name", async () => {
    const name = unique("race ");
    const results = await Promise.allSettled([create(agent, { name }), create(agent, { name })]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await testDb().savedReply.count({ where: { ownerId: agent.id, name } })).toBe(1);
  });

  it("keeps an owner to the limit of replies", async () => {
    await testDb().savedReply.createMany({
      data: Array.from({ length: MAX_SAVED_REPLIES_PER_OWNER }, (_, index) => ({
        ownerId: agent.id,
        name: `bulk ${index}`,
        body: "x",
      })),
    });
    expect(await statusOf(create(agent, { name: "one too many" }))).toBe(422);
  });

  it("audits every change to a team reply, in the same transaction", async () => {
    const name = unique("Hours ");
    const team = await create(admin, { name, body: "We open at 9.", scope: "team" });
    await updateSavedReply(testDb(), admin, team.id, { name: `${name}!`, body: "We open at 8." });
    await updateSavedReply(testDb(), admin, team.id, { body: "We open at 8." });
    await deleteSavedReply(testDb(), admin, team.id);
    const entries = (await auditOf(team.id)).reverse();
    expect(entries.map((entry) => [entry.action, entry.actor?.id, entry.details])).toEqual([
      ["saved_reply.create", admin.id, { name }],
      ["saved_reply.update", admin.id, { name: `${name}!`, previousName: name, changed: ["name", "body"] }],
      ["saved_reply.update", admin.id, { name: `${name}!`, changed: [] }],
      ["saved_reply.delete", admin.id, { name: `${name}!` }],
    ]);
  });
});
