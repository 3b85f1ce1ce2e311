import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateUser } from "@/lib/admin/users";
import { stopJobQueue } from "@/lib/jobs/queue";
import { CHANGES_CHANNEL, decodeNotices, type ChangeNotice } from "@/lib/realtime/change-notice";
import { testDb, unique, uniqueNumber } from "@/lib/testing/test-database";
import { conversationIdentity } from "./conversation-key";
import { countConversations, listConversations } from "./conversation-queries";
import { markConversationRead } from "./read-state";
import { listMessages } from "./message-queries";
import {
  assignOnReplyInTransaction,
  endSnooze,
  listTeammates,
  updateConversationWorkflow,
  updateConversationsWorkflow,
} from "./workflow-store";

type Person = { id: string; name: string; role: "ADMIN" | "AGENT"; active: boolean; email: string };
let admin: Person;
let agent: Person;
let other: Person;
const options = { minSnoozeMs: 1_000 };

async function person(role: "ADMIN" | "AGENT", name: string): Promise<Person> {
  const email = `${unique(name.toLowerCase())}@example.com`;
  const user = await testDb().user.create({ data: { email, name, passwordHash: "x", role } });
  return { id: user.id, name, role, active: true, email };
}

/** A conversation on a made-up number of ours (admins only see those) with one inbound message. */
async function conversation(owner = uniqueNumber(), minutesAgo = 0) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const customer = uniqueNumber();
  const row = await testDb().conversation.create({
    data: { ...conversationIdentity(owner, [customer]), lastMessageAt: at },
  });
  await inbound(row.id, customer, owner, at);
  return row;
}

async function inbound(conversationId: string, from: string, owner: string, at = new Date()) {
  return testDb().message.create({
    data: { conversationId, direction: "INBOUND", from, to: [owner], text: "hello", status: "received", createdAt: at },
  });
}

async function activityOf(conversationId: string) {
  return testDb().conversationActivity.findMany({
    where: { conversationId },
    orderBy: { createdAt: "asc" },
    select: { kind: true, actorId: true, assigneeId: true, reason: true },
  });
}

describe("conversation workflow", () => {
  beforeAll(async () => {
    admin = await person("ADMIN", "Avery");
    agent = await person("AGENT", "Sam");
    other = await person("ADMIN", "Robin");
  });
  afterAll(async () => {
    await stopJobQueue();
    await testDb().$disconnect();
  });

  it("assigns, closes and reopens, recording each step once, and announces it", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: ChangeNotice[] = [];
    listener.on("notification", (message) => heard.push(...decodeNotices(message.payload ?? "")));
    await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
    try {
      const { id } = await conversation();
      const header = await updateConversationWorkflow(
        testDb(),
        admin,
        id,
        { assigneeId: other.id, status: "closed" },
        options,
      );
      expect(header).toMatchObject({ status: "closed", assignee: { id: other.id, name: "Robin" }, snoozedUntil: null });
      // Asking again for what is: nothing recorded.
      await updateConversationWorkflow(testDb(), admin, id, { status: "closed" }, options);
      await updateConversationWorkflow(testDb(), other, id, { status: "open", assigneeId: null }, options);
      expect(await activityOf(id)).toEqual([
        { kind: "assigned", actorId: admin.id, assigneeId: other.id, reason: null },
        { kind: "closed", actorId: admin.id, assigneeId: null, reason: null },
        { kind: "unassigned", actorId: other.id, assigneeId: null, reason: null },
        { kind: "reopened", actorId: other.id, assigneeId: null, reason: null },
      ]);
      await expect
        .poll(() => heard.filter((n) => n.conversationId === id && n.kind === "conversation.updated").length)
        .toBe(2);
    } finally {
      await listener.end();
    }
  });

  it("shows the activity in the thread among the messages, each entry once across pages", async () => {
    const { id, ownerNumber } = await conversation(uniqueNumber(), 10);
    await updateConversationWorkflow(testDb(), admin, id, { status: "closed" }, options);
    const [customer] = (await testDb().conversation.findUniqueOrThrow({ where: { id } })).participants;
    await inbound(id, customer ?? "", ownerNumber); // reopens it (the trigger)
    await updateConversationWorkflow(testDb(), admin, id, { assigneeId: admin.id }, options);
    const first = await listMessages(testDb(), admin, id, { limit: 1 });
    const second = await listMessages(testDb(), admin, id, { limit: 1, before: first.nextCursor ?? undefined });
    expect(first.activity.map((a) => a.kind)).toEqual(["assigned", "reopened"]);
    expect(second.activity.map((a) => a.kind)).toEqual(["closed"]);
    expect(second.nextCursor).toBeNull();
  });

  it("a customer's message reopens a closed or snoozed conversation, and says so", async () => {
    for (const change of [
      { status: "closed" as const },
      { status: "snoozed" as const, snoozedUntil: new Date(Date.now() + 3_600_000) },
    ]) {
      const { id, ownerNumber, participants } = await conversation();
      await updateConversationWorkflow(testDb(), admin, id, change, options);
      await inbound(id, participants[0] ?? "", ownerNumber);
      const row = await testDb().conversation.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "open", snoozedUntil: null });
      expect((await activityOf(id)).at(-1)).toEqual({
        kind: "reopened",
        actorId: null,
        assigneeId: null,
        reason: "customer message",
      });
    }
  });

  it("snoozes with an end job, and the end reopens only the snooze it was for", async () => {
    const { id } = await conversation();
    const until = new Date(Date.now() + 3_600_000);
    await updateConversationWorkflow(testDb(), admin, id, { status: "snoozed", snoozedUntil: until }, options);
    const jobs = await testDb().$queryRaw<Array<{ start_after: Date }>>`
      SELECT start_after FROM pgboss.job WHERE name = 'snooze-end' AND data->>'conversationId' = ${id}`;
    expect(jobs.map((job) => job.start_after.getTime())).toEqual([until.getTime()]);
    const later = new Date(until.getTime() + 3_600_000);
    await updateConversationWorkflow(testDb(), admin, id, { status: "snoozed", snoozedUntil: later }, options);
    expect(await endSnooze(testDb(), { conversationId: id, until: until.toISOString() })).toBe(false);
    expect(await endSnooze(testDb(), { conversationId: id, until: later.toISOString() })).toBe(true);
    expect(await endSnooze(testDb(), { conversationId: id, until: later.toISOString() })).toBe(false);
    expect(await testDb().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "open",
      snoozedUntil: null,
    });
    expect((await activityOf(id)).at(-1)).toMatchObject({ kind: "reopened", actorId: null, reason: "snooze ended" });
    expect(await endSnooze(testDb(), { conversationId: crypto.randomUUID(), until: later.toISOString() })).toBe(false);
  });

  it("refuses what may not be: a conversation the agent cannot see, an assignee who cannot, a past snooze", async () => {
    const { id } = await conversation(); // on a number that is not configured: admins only
    await expect(updateConversationWorkflow(testDb(), agent, id, { status: "closed" }, options)).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      updateConversationWorkflow(testDb(), admin, id, { assigneeId: agent.id }, options),
    ).rejects.toMatchObject({
      status: 422,
      message: "assigneeId: that teammate may not see this conversation's number.",
    });
    await expect(
      updateConversationWorkflow(testDb(), admin, id, { assigneeId: crypto.randomUUID() }, options),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      updateConversationWorkflow(
        testDb(),
        admin,
        id,
        { status: "snoozed", snoozedUntil: new Date(Date.now() - 1) },
        options,
      ),
    ).rejects.toMatchObject({ status: 422 });
    expect(await activityOf(id)).toEqual([]);
    expect((await listTeammates(testDb(), admin, id)).map((t) => t.id)).not.toContain(agent.id);
    expect((await listTeammates(testDb(), admin, id)).map((t) => t.id)).toEqual(
      expect.arrayContaining([admin.id, other.id]),
    );
  });

  it("bulk changes each conversation on its own and reports which did not take", async () => {
    const [a, b] = [await conversation(), await conversation()];
    const missing = crypto.randomUUID();
    const results = await updateConversationsWorkflow(
      testDb(),
      admin,
      [a.id, b.id, missing],
      { status: "closed" },
      options,
    );
    expect(results).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: true },
      { id: missing, ok: false, status: 404, message: "No conversation with that id." },
    ]);
  });

  it("a reply to an unassigned conversation assigns it to the sender; an assigned one stays", async () => {
    const { id } = await conversation();
    await testDb().$transaction((tx) => assignOnReplyInTransaction(tx, id, admin.id));
    await testDb().$transaction((tx) => assignOnReplyInTransaction(tx, id, other.id));
    expect((await testDb().conversation.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(admin.id);
    expect(await activityOf(id)).toEqual([
      { kind: "assigned", actorId: admin.id, assigneeId: admin.id, reason: "reply" },
    ]);
  });

  it("deactivating an agent unassigns their conversations", async () => {
    const leaving = await person("ADMIN", "Leaving");
    const { id } = await conversation();
    await updateConversationWorkflow(testDb(), admin, id, { assigneeId: leaving.id }, options);
    await updateUser(testDb(), { ...admin, email: admin.email }, leaving.id, { active: false });
    expect((await testDb().conversation.findUniqueOrThrow({ where: { id } })).assigneeId).toBeNull();
    expect((await activityOf(id)).at(-1)).toEqual({
      kind: "unassigned",
      actorId: admin.id,
      assigneeId: null,
      reason: "agent deactivated",
    });
  });

  it("lists and counts the views, and what needs the agent", async () => {
    const owner = uniqueNumber();
    const mineUnread = await conversation(owner, 5);
    const mineRead = await conversation(owner, 4);
    const unassigned = await conversation(owner, 3);
    const snoozed = await conversation(owner, 2);
    const closed = await conversation(owner, 1);
    const mentioned = await conversation(owner, 0);
    await updateConversationsWorkflow(testDb(), admin, [mineUnread.id, mineRead.id], { assigneeId: admin.id }, options);
    await markConversationRead(testDb(), admin, mineRead.id);
    await updateConversationWorkflow(testDb(), admin, mentioned.id, { assigneeId: other.id }, options);
    const snoozeUntil = new Date(Date.now() + 3_600_000);
    await updateConversationWorkflow(
      testDb(),
      admin,
      snoozed.id,
      { status: "snoozed", snoozedUntil: snoozeUntil },
      options,
    );
    await updateConversationWorkflow(testDb(), admin, closed.id, { status: "closed" }, options);
    const note = await testDb().conversationNote.create({
      data: { conversationId: mentioned.id, authorId: other.id, body: "@Avery look" },
    });
    await testDb().noteMention.create({ data: { noteId: note.id, userId: admin.id, conversationId: mentioned.id } });

    const view = async (name: "mine" | "unassigned" | "open" | "snoozed" | "closed") =>
      (await listConversations(testDb(), admin, { view: name, ownerNumber: owner, limit: 30 })).conversations.map(
        (c) => c.id,
      );
    expect(await view("mine")).toEqual([mineRead.id, mineUnread.id]);
    expect(await view("unassigned")).toEqual([unassigned.id]);
    expect(await view("open")).toEqual([mentioned.id, unassigned.id, mineRead.id, mineUnread.id]);
    expect(await view("snoozed")).toEqual([snoozed.id]);
    expect(await view("closed")).toEqual([closed.id]);
    const listed = await listConversations(testDb(), admin, { view: "snoozed", ownerNumber: owner, limit: 30 });
    expect(listed.conversations[0]).toMatchObject({ status: "snoozed", snoozedUntil: snoozeUntil, assignee: null });

    const counts = await countConversations(testDb(), admin, { ownerNumber: owner });
    expect(counts).toEqual({ mine: 2, unassigned: 1, open: 4, snoozed: 1, closed: 1, needsYou: 2, unreadMentions: 1 });
    await markConversationRead(testDb(), admin, mentioned.id);
    await markConversationRead(testDb(), admin, mineUnread.id);
    expect(await countConversations(testDb(), admin, { ownerNumber: owner })).toMatchObject({
      needsYou: 0,
      unreadMentions: 0,
    });
    // An agent sees none of this made-up number's conversations, nor counts them.
    expect(await countConversations(testDb(), agent, { ownerNumber: owner })).toEqual({
      mine: 0,
      unassigned: 0,
      open: 0,
      snoozed: 0,
      closed: 0,
      needsYou: 0,
      unreadMentions: 0,
    });
  });
});
