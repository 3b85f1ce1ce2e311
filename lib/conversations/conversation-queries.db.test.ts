import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, unique, uniqueNumber } from "@/lib/testing/test-database";
import { conversationIdentity } from "./conversation-key";
import { listConversations } from "./conversation-queries";
import { listMessages } from "./message-queries";

let userId = "";
// These conversations are on made-up owner numbers, which only admins see.
const viewer = () => ({ id: userId, role: "ADMIN" as const, active: true });

async function conversationWith(participants: string[], minutesAgo: number, text: string, owner = uniqueNumber()) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const conversation = await testDb().conversation.create({
    data: { ...conversationIdentity(owner, participants), lastMessageAt: at },
  });
  const message = await testDb().message.create({
    data: {
      conversationId: conversation.id,
      direction: "INBOUND",
      from: participants[0] ?? "",
      to: [conversation.ownerNumber],
      text,
      status: "received",
      createdAt: at,
    },
  });
  await testDb().conversation.update({ where: { id: conversation.id }, data: { lastMessageId: message.id } });
  return conversation;
}

describe("conversation and message queries", () => {
  beforeAll(async () => {
    const user = await testDb().user.create({
      data: { email: `${unique("q")}@example.com`, name: "Q", passwordHash: "x" },
    });
    userId = user.id;
  });
  afterAll(() => testDb().$disconnect());

  it("lists newest first and pages with a cursor without gaps or repeats", async () => {
    const owner = uniqueNumber(); // only this test's conversations belong to it
    const created = [];
    for (let index = 0; index < 7; index += 1)
      created.push(await conversationWith([uniqueNumber()], index, `message ${index}`, owner));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listConversations(testDb(), viewer(), { ownerNumber: owner, limit: 3, cursor });
      seen.push(...page.conversations.map((conversation) => conversation.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(created.map((conversation) => conversation.id));
  });

  it("searches by number, label and text, and counts unread per agent", async () => {
    const number = uniqueNumber();
    const conversation = await conversationWith([number], 0, "Where is my parcel?");
    await testDb().contactLabel.create({ data: { phoneNumber: number, name: "Quentin Blake" } });
    for (const q of [number.slice(-7), "quentin", "PARCEL"]) {
      const { conversations } = await listConversations(testDb(), viewer(), { q, limit: 10 });
      expect(conversations.map((c) => c.id)).toContain(conversation.id);
    }
    const found = (await listConversations(testDb(), viewer(), { q: "parcel", limit: 10 })).conversations[0];
    expect(found).toMatchObject({
      unreadCount: 1,
      title: "Quentin Blake",
      lastMessage: { preview: "Where is my parcel?" },
    });
    await testDb().conversationRead.create({
      data: { userId, conversationId: conversation.id, lastReadAt: new Date() },
    });
    const read = (await listConversations(testDb(), viewer(), { q: "parcel", limit: 10 })).conversations[0];
    expect(read?.unreadCount).toBe(0);
  });

  it("pages a thread from newest to oldest", async () => {
    const conversation = await conversationWith([uniqueNumber()], 0, "first");
    for (let index = 0; index < 4; index += 1) {
      await testDb().message.create({
        data: {
          conversationId: conversation.id,
          direction: "INBOUND",
          from: "+15550000000",
          to: [conversation.ownerNumber],
          text: `later ${index}`,
          status: "received",
          createdAt: new Date(Date.now() + index * 1000),
        },
      });
    }
    const first = await listMessages(testDb(), viewer(), conversation.id, { limit: 3 });
    expect(first.messages.map((message) => message.text)).toEqual(["later 3", "later 2", "later 1"]);
    const second = await listMessages(testDb(), viewer(), conversation.id, {
      limit: 3,
      before: first.nextCursor ?? undefined,
    });
    expect(second.messages.map((message) => message.text)).toEqual(["later 0", "first"]);
    expect(second.nextCursor).toBeNull();
  });
});
