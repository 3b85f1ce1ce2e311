import { describe, expect, it } from "vitest";
import { SENDER_NUMBER, setUpMessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, uniqueNumber } from "@/lib/testing/test-database";
import { sendMessage } from "@/lib/messaging/send/send-message";
import { listConversations } from "./conversation-queries";
import { markConversationRead } from "./read-state";

const current = setUpMessagingFixture();

describe("read state", () => {
  it("marks a conversation read for one agent only", async () => {
    const customer = uniqueNumber();
    const message = await sendMessage(testDb(), current().agent, { from: SENDER_NUMBER, to: customer, text: "hi" });
    await testDb().message.create({
      data: {
        conversationId: message.conversationId,
        direction: "INBOUND",
        from: customer,
        to: [SENDER_NUMBER],
        text: "answer",
        status: "received",
        createdAt: new Date(Date.now() + 1000),
      },
    });
    const unread = async () =>
      (await listConversations(testDb(), current().agent, { q: customer.slice(-7), limit: 5 })).conversations[0]
        ?.unreadCount;
    expect(await unread()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await markConversationRead(testDb(), current().agent, message.conversationId);
    expect(await unread()).toBe(0);
    await expect(
      markConversationRead(testDb(), current().agent, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ status: 404 });
  });
});
