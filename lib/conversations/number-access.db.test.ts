import { beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { labelNumber } from "@/lib/contacts/contact-labels";
import { sendMessage } from "@/lib/messaging/send/send-message";
import { postgresStore } from "@/lib/media/storage";
import { serveMedia } from "@/lib/media/serve-media";
import { setUpMessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, testPool, unique, uniqueNumber } from "@/lib/testing/test-database";
import { getConversation, listConversations } from "./conversation-queries";
import { listMessages } from "./message-queries";
import { markConversationRead } from "./read-state";
import { visibleNotices } from "./visible-notices";

// Issue 13 (11): a number an admin restricts to chosen agents is closed to the others everywhere,
// not only for sending.

const current = setUpMessagingFixture();
let outsider: CurrentUser;
let conversationId: string;
let customer: string;

let restricted: string;

beforeEach(async () => {
  const { agent, applicationId } = current();
  // A line of our own for the fixture's agent only (its own number, so no other test sees the change).
  restricted = uniqueNumber();
  const application = await testDb().bandwidthApplication.findUniqueOrThrow({ where: { applicationId } });
  await testDb().phoneNumber.create({
    data: {
      e164: restricted,
      applicationId: application.id,
      allowAllAgents: false,
      agents: { create: [{ userId: agent.id }] },
    },
  });
  customer = uniqueNumber();
  const message = await sendMessage(testDb(), agent, { from: restricted, to: customer, text: "Your code is 1234" });
  conversationId = message.conversationId;
  await testDb().media.create({
    data: { messageId: message.id, fileName: "code.png", contentType: "image/png", size: 1, status: "stored" },
  });
  const user = await testDb().user.create({
    data: { email: `${unique("outsider")}@example.com`, name: "Outsider", passwordHash: "x", role: "AGENT" },
  });
  outsider = { id: user.id, email: user.email, name: user.name, role: "AGENT", active: true };
});

describe("a number restricted to chosen agents", () => {
  it("is closed to other agents: list, search, thread, messages, read state, names, media, live notices", async () => {
    const query = { q: customer.slice(-7), limit: 10 };
    expect((await listConversations(testDb(), outsider, query)).conversations).toEqual([]);
    expect((await listConversations(testDb(), outsider, { ownerNumber: restricted, limit: 10 })).conversations).toEqual(
      [],
    );
    await expect(getConversation(testDb(), outsider, conversationId)).rejects.toMatchObject({ status: 404 });
    await expect(listMessages(testDb(), outsider, conversationId, { limit: 10 })).rejects.toMatchObject({
      status: 404,
    });
    await expect(markConversationRead(testDb(), outsider, conversationId)).rejects.toMatchObject({ status: 404 });
    await expect(labelNumber(testDb(), outsider, customer, "Guess")).rejects.toMatchObject({ status: 404 });
    await expect(sendMessage(testDb(), outsider, { conversationId, text: "hi" })).rejects.toMatchObject({
      status: 404,
    });
    const file = await testDb().media.findFirstOrThrow({ where: { message: { conversationId } } });
    const deps = { database: testDb(), pool: testPool(), storage: { configured: postgresStore, s3: null } };
    await expect(
      serveMedia(deps, outsider, file.id, "original", { range: null, ifNoneMatch: null }),
    ).rejects.toMatchObject({ status: 404 });
    const notice = { kind: "message.created" as const, conversationId };
    expect(await visibleNotices(testDb(), outsider, [notice])).toEqual([]);
  });

  it("stays open to the agents it names and to admins", async () => {
    const { agent } = current();
    const admin = { ...outsider, role: "ADMIN" as const };
    for (const viewer of [agent, admin]) {
      const { conversations } = await listConversations(testDb(), viewer, { q: customer.slice(-7), limit: 10 });
      expect(conversations.map((conversation) => conversation.id)).toEqual([conversationId]);
      await expect(getConversation(testDb(), viewer, conversationId)).resolves.toMatchObject({ id: conversationId });
      const notice = { kind: "message.created" as const, conversationId };
      expect(await visibleNotices(testDb(), viewer, [notice])).toEqual([notice]);
    }
  });
});
