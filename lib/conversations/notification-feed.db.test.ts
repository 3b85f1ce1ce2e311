import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";
import { closeTestPool, testDb, testPool, unique, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { updateNotificationSettings } from "@/lib/users/notification-settings";
import { addNoteBody } from "@/lib/validations/notes";
import { notificationFeed } from "./notification-feed";
import { addNote } from "./notes";
import { updateConversationWorkflow } from "./workflow-store";

type Person = { id: string; name: string; role: "ADMIN" | "AGENT"; active: boolean };

let app: TestApplication;
let sam: Person;
let robin: Person;
let outsider: Person;
/** A number of ours open to Sam and Robin only; every test gets a new one, so tests do not see each other's items. */
let line: string;
let start: Date;

const everything = { assigned: true, unassigned: true, mentions: true, sound: false };

async function person(role: "ADMIN" | "AGENT", name: string): Promise<Person> {
  const user = await testDb().user.create({
    data: { email: `${unique("feed")}@example.com`, name, passwordHash: "x", role },
  });
  return { id: user.id, name, role, active: true };
}

/** A customer texts our line through the webhook's own path; returns the conversation's id. */
async function customerWrites(text: string, from = uniqueNumber(), time?: Date) {
  const event = receivedEvent(line, from, { text, ...(time ? { time: time.toISOString() } : {}) });
  await ingestCallbacks(testPool(), app.applicationId, [event]);
  return (await testDb().message.findFirstOrThrow({ where: { from, text } })).conversationId;
}

const assign = (conversationId: string, assigneeId: string | null) =>
  updateConversationWorkflow(testDb(), robin, conversationId, { assigneeId }, { minSnoozeMs: 1_000 });

const feedOf = async (viewer: Person, after: Date | undefined = start) =>
  (await notificationFeed(testDb(), viewer, after)).notifications;

describe("the notification feed", () => {
  beforeAll(async () => {
    app = await testApplication();
    sam = await person("AGENT", unique("Sam "));
    robin = await person("AGENT", unique("Robin "));
    outsider = await person("AGENT", unique("Olive "));
  });
  beforeEach(async () => {
    line = await app.number();
    await testDb().phoneNumber.update({
      where: { e164: line },
      data: { allowAllAgents: false, agents: { create: [{ userId: sam.id }, { userId: robin.id }] } },
    });
    for (const viewer of [sam, robin, outsider]) await updateNotificationSettings(testDb(), viewer.id, everything);
    // Earlier tests' items (on lines Sam may see too) are before this.
    start = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
  afterAll(async () => {
    await closeTestPool();
    await testDb().$disconnect();
  });

  it("has customers' new messages in conversations assigned to the agent or to nobody, as their settings say", async () => {
    const mine = await customerWrites("mine, first");
    await assign(mine, sam.id);
    const theirs = await customerWrites("Robin's");
    await assign(theirs, robin.id);
    const nobodys = await customerWrites("nobody's");
    await customerWrites(
      "mine, again",
      (await testDb().conversation.findUniqueOrThrow({ where: { id: mine } })).participants[0],
    );

    const items = await feedOf(sam);
    expect(items.map((item) => item.body)).toEqual(["mine, first", "nobody's", "mine, again"]);
    expect(items[0]).toMatchObject({
      kind: "message",
      conversationId: mine,
      tag: `conversation:${mine}`,
      url: `/conversations/${mine}`,
    });
    expect(items[0]?.title).not.toContain("unassigned");
    expect(items.find((item) => item.conversationId === nobodys)?.title).toMatch(/· unassigned$/);
    expect((await feedOf(robin)).map((item) => item.body)).toEqual(["Robin's", "nobody's"]);

    await updateNotificationSettings(testDb(), sam.id, { ...everything, unassigned: false });
    expect((await feedOf(sam)).map((item) => item.body)).toEqual(["mine, first", "mine, again"]);
    await updateNotificationSettings(testDb(), sam.id, { ...everything, assigned: false });
    expect((await feedOf(sam)).map((item) => item.body)).toEqual(["nobody's"]);
    await updateNotificationSettings(testDb(), sam.id, { ...everything, assigned: false, unassigned: false });
    expect(await feedOf(sam)).toEqual([]);
  });

  it("has only what came after `after` (at most 15 minutes back), never the agents' own replies", async () => {
    const conversationId = await customerWrites("before", uniqueNumber(), new Date(Date.now() - 20 * 60_000));
    const hourAgo = await feedOf(sam, new Date(Date.now() - 60 * 60_000));
    expect(hourAgo.filter((item) => item.conversationId === conversationId)).toEqual([]);
    const reply = await testDb().message.create({
      data: { conversationId, direction: "OUTBOUND", from: line, to: ["+15550000000"], text: "reply", status: "sent" },
    });
    await testDb().conversation.update({
      where: { id: conversationId },
      data: { lastMessageAt: reply.createdAt, lastMessageId: reply.id },
    });
    expect(await feedOf(sam)).toEqual([]);
    const { now, notifications } = await notificationFeed(testDb(), sam);
    expect(notifications).toEqual([]);
    expect(now.getTime()).toBeGreaterThan(start.getTime());
    await new Promise((resolve) => setTimeout(resolve, 5));
    await customerWrites("later");
    expect((await feedOf(sam, now)).map((item) => item.body)).toEqual(["later"]);
  });

  it("has a message that reopened a closed conversation", async () => {
    const from = uniqueNumber();
    const conversationId = await customerWrites("first", from);
    await assign(conversationId, sam.id);
    await updateConversationWorkflow(testDb(), sam, conversationId, { status: "closed" }, { minSnoozeMs: 1_000 });
    start = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await customerWrites("back again", from);
    expect((await feedOf(sam)).map((item) => item.body)).toEqual(["back again"]);
  });

  it("has mentions of the agent, unless they turned mentions off", async () => {
    const conversationId = await customerWrites("hello");
    await assign(conversationId, robin.id);
    await addNote(
      testDb(),
      robin,
      conversationId,
      addNoteBody.parse({ body: `@${sam.name} can you take this?`, mentionIds: [sam.id] }),
    );
    const items = await feedOf(sam);
    expect(items).toEqual([
      expect.objectContaining({
        kind: "mention",
        conversationId,
        title: `${robin.name} mentioned you`,
        body: expect.stringContaining(`@${sam.name} can you take this?`),
      }),
    ]);
    expect(items[0]?.tag).toMatch(/^note:/);
    await updateNotificationSettings(testDb(), sam.id, { ...everything, mentions: false });
    expect(await feedOf(sam)).toEqual([]);
  });

  it("has nothing of a number the agent may not see, nor of one they lost", async () => {
    const conversationId = await customerWrites("unassigned, on a restricted line");
    expect(await feedOf(outsider)).toEqual([]);
    await addNote(
      testDb(),
      robin,
      conversationId,
      addNoteBody.parse({ body: `@${sam.name} look`, mentionIds: [sam.id] }),
    );
    expect(await feedOf(sam)).toHaveLength(2);
    await testDb().phoneNumberAgent.deleteMany({ where: { userId: sam.id, phoneNumber: { e164: line } } });
    expect(await feedOf(sam)).toEqual([]);
  });
});
