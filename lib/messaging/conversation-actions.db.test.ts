import { describe, expect, it } from "vitest";
import { SENDER_NUMBER, setUpMessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, uniqueNumber } from "@/lib/testing/test-database";
import { labelNumber, markConversationRead, retryFailedRecipients } from "./conversation-actions";
import { listConversations } from "./conversation-queries";
import { sendMessage } from "./send-message";

const current = setUpMessagingFixture();

describe("conversation actions", () => {
  it("retries only the recipients a group message failed for, as a new message", async () => {
    const [ok, failing] = [uniqueNumber(), "+15555554432"];
    const original = await sendMessage(testDb(), current().agent, { from: SENDER_NUMBER, to: [ok, failing], text: "Doors open at 9" });
    await testDb().messageRecipient.update({ where: { messageId_phoneNumber: { messageId: original.id, phoneNumber: failing } }, data: { status: "failed", errorCode: 4432 } });
    await testDb().messageRecipient.update({ where: { messageId_phoneNumber: { messageId: original.id, phoneNumber: ok } }, data: { status: "delivered" } });
    const retry = await retryFailedRecipients(testDb(), current().agent, original.id);
    expect(retry).toMatchObject({ from: SENDER_NUMBER, to: [failing], text: "Doors open at 9", status: "queued" });
    expect(retry.id).not.toBe(original.id);
  });

  it("refuses to retry a message nobody failed to get, or an unknown one", async () => {
    const message = await sendMessage(testDb(), current().agent, { from: SENDER_NUMBER, to: uniqueNumber(), text: "hi" });
    await expect(retryFailedRecipients(testDb(), current().agent, message.id)).rejects.toMatchObject({ status: 422 });
    await expect(retryFailedRecipients(testDb(), current().agent, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ status: 404 });
  });

  it("marks a conversation read for one agent only", async () => {
    const customer = uniqueNumber();
    const message = await sendMessage(testDb(), current().agent, { from: SENDER_NUMBER, to: customer, text: "hi" });
    await testDb().message.create({ data: { conversationId: message.conversationId, direction: "INBOUND", from: customer, to: [SENDER_NUMBER], text: "answer", status: "received", createdAt: new Date(Date.now() + 1000) } });
    const unread = async () => (await listConversations(testDb(), current().agent.id, { q: customer.slice(-7), limit: 5 })).conversations[0]?.unreadCount;
    expect(await unread()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await markConversationRead(testDb(), current().agent, message.conversationId);
    expect(await unread()).toBe(0);
    await expect(markConversationRead(testDb(), current().agent, "00000000-0000-4000-8000-000000000000")).rejects.toMatchObject({ status: 404 });
  });

  it("names a number everywhere, and forgets the name when it is cleared", async () => {
    const customer = uniqueNumber();
    await sendMessage(testDb(), current().agent, { from: SENDER_NUMBER, to: customer, text: "hi" });
    await labelNumber(testDb(), current().agent, customer, "  Robin Hale ");
    const titled = async () => (await listConversations(testDb(), current().agent.id, { q: customer.slice(-7), limit: 5 })).conversations[0]?.title;
    expect(await titled()).toBe("Robin Hale");
    await labelNumber(testDb(), current().agent, customer, "");
    expect(await titled()).not.toBe("Robin Hale");
  });
});
