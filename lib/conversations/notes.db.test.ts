import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";
import { CHANGES_CHANNEL, decodeNotices, type ChangeNotice } from "@/lib/realtime/change-notice";
import { closeTestPool, testDb, testPool, unique, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { addNoteBody } from "@/lib/validations/notes";
import { countConversations, getConversation, listConversations } from "./conversation-queries";
import { listMessages } from "./message-queries";
import { addNote } from "./notes";
import { markConversationRead } from "./read-state";
import { updateConversationWorkflow } from "./workflow-store";

type Person = { id: string; name: string; role: "ADMIN" | "AGENT"; active: boolean };

let app: TestApplication;
/** One of our numbers open to `agent` only (and admins). */
let restricted: string;
let admin: Person;
let agent: Person;
let outsider: Person;
let retired: Person;

async function person(role: "ADMIN" | "AGENT", name: string, active = true): Promise<Person> {
  const user = await testDb().user.create({
    data: { email: `${unique("note")}@example.com`, name, passwordHash: "x", role, active },
  });
  return { id: user.id, name, role, active };
}

/** A customer texts `owner` (through the webhook's own path); returns the conversation's id. */
async function customerWrites(owner: string, from = uniqueNumber(), text = "Where is my order?") {
  await ingestCallbacks(testPool(), app.applicationId, [receivedEvent(owner, from, { text })]);
  const message = await testDb().message.findFirstOrThrow({ where: { from, to: { has: owner } } });
  return message.conversationId;
}

const note = (body: string, mentionIds: string[] = []) => addNoteBody.parse({ body, mentionIds });

describe("internal notes", () => {
  beforeAll(async () => {
    app = await testApplication();
    // Unique names: teammates are everyone active, and other tests' users share this database.
    admin = await person("ADMIN", unique("Avery "));
    agent = await person("AGENT", unique("Sam "));
    outsider = await person("AGENT", unique("Olive "));
    retired = await person("AGENT", unique("Rita "), false);
    restricted = await app.number();
    await testDb().phoneNumber.update({
      where: { e164: restricted },
      data: { allowAllAgents: false, agents: { create: [{ userId: agent.id }, { userId: retired.id }] } },
    });
  });
  afterAll(async () => {
    await closeTestPool();
    await testDb().$disconnect();
  });

  it("mentions only active teammates who may see the conversation, are named in the body and are not the author", async () => {
    const conversationId = await customerWrites(restricted);
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const heard: ChangeNotice[] = [];
    listener.on("notification", (message) => heard.push(...decodeNotices(message.payload ?? "")));
    await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
    try {
      const body = `@${admin.name} and @${outsider.name}, @${retired.name} and me (@${agent.name}): call her back`;
      const view = await addNote(
        testDb(),
        agent,
        conversationId,
        // The admin is named and listed; the outsider may not see this number; the retired agent is
        // inactive; the author is themselves; one id is nobody; the last one is listed, not named.
        note(body, [admin.id, outsider.id, retired.id, agent.id, randomUUID(), (await person("ADMIN", "Unnamed")).id]),
      );
      expect(view).toMatchObject({
        author: { id: agent.id, name: agent.name },
        body,
        mentions: [{ id: admin.id, name: admin.name }],
      });
      const rows = await testDb().noteMention.findMany({ where: { noteId: view.id } });
      expect(rows).toEqual([expect.objectContaining({ userId: admin.id, conversationId, readAt: null })]);
      await expect.poll(() => heard).toContainEqual({ kind: "note.created", conversationId });
    } finally {
      await listener.end();
    }
  });

  it("is refused (404) to a viewer who may not see the conversation, and stores nothing", async () => {
    const conversationId = await customerWrites(restricted);
    await expect(addNote(testDb(), outsider, conversationId, note("psst"))).rejects.toMatchObject({ status: 404 });
    await expect(addNote(testDb(), outsider, randomUUID(), note("psst"))).rejects.toMatchObject({ status: 404 });
    expect(await testDb().conversationNote.count({ where: { conversationId } })).toBe(0);
  });

  it("is no reply: last message, unread counts, status and assignee stay; a mention counts until read", async () => {
    const conversationId = await customerWrites(restricted);
    await updateConversationWorkflow(testDb(), admin, conversationId, { status: "closed" }, { minSnoozeMs: 1_000 });
    const before = await testDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    const unreadOf = async (viewer: Person) =>
      (await listConversations(testDb(), viewer, { ownerNumber: restricted, limit: 100 })).conversations.find(
        (conversation) => conversation.id === conversationId,
      )?.unreadCount;
    expect(await unreadOf(admin)).toBe(1);
    const mentionsBefore = (await countConversations(testDb(), admin, {})).unreadMentions;

    await addNote(testDb(), agent, conversationId, note(`@${admin.name} she wants a refund`, [admin.id]));

    const after = await testDb().conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(after).toMatchObject({
      lastMessageAt: before.lastMessageAt,
      lastMessageId: before.lastMessageId,
      status: "closed",
      assigneeId: null,
    });
    expect(await testDb().message.count({ where: { conversationId } })).toBe(1);
    expect(await unreadOf(admin)).toBe(1);
    expect(await unreadOf(agent)).toBe(1);
    expect((await getConversation(testDb(), agent, conversationId)).assignee).toBeNull();
    expect((await countConversations(testDb(), admin, {})).unreadMentions).toBe(mentionsBefore + 1);
    await markConversationRead(testDb(), admin, conversationId);
    expect((await countConversations(testDb(), admin, {})).unreadMentions).toBe(mentionsBefore);
  });

  it("come in the thread with the messages of their stretch of time, each once, across pages", async () => {
    const customer = uniqueNumber();
    const conversationId = await customerWrites(restricted, customer, "one");
    const say = async (text: string) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return customerWrites(restricted, customer, text);
    };
    const write = async (body: string) => {
      await new Promise((resolve) => setTimeout(resolve, 15));
      return addNote(testDb(), agent, conversationId, note(body));
    };
    await write("after one");
    await say("two");
    await say("three");
    await write("after three");
    await say("four");
    await write("after four");

    const first = await listMessages(testDb(), agent, conversationId, { limit: 2 });
    expect(first.messages.map((message) => message.text)).toEqual(["four", "three"]);
    expect(first.notes.map((entry) => entry.body)).toEqual(["after four", "after three"]);
    const second = await listMessages(testDb(), agent, conversationId, { limit: 2, before: first.nextCursor ?? "" });
    expect(second.messages.map((message) => message.text)).toEqual(["two", "one"]);
    expect(second.notes.map((entry) => entry.body)).toEqual(["after one"]);
    expect(second.notes[0]).toMatchObject({ author: { id: agent.id, name: agent.name }, mentions: [] });
  });
});
