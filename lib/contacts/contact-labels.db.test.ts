import { describe, expect, it } from "vitest";
import { listConversations } from "@/lib/conversations/conversation-queries";
import { SENDER_NUMBER, setUpMessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, uniqueNumber } from "@/lib/testing/test-database";
import { sendMessage } from "@/lib/messaging/send/send-message";
import { labelNumber } from "./contact-labels";

const current = setUpMessagingFixture();

describe("contact labels", () => {
  it("names a number everywhere, and forgets the name when it is cleared", async () => {
    const customer = uniqueNumber();
    await sendMessage(testDb(), current().agent, { from: SENDER_NUMBER, to: customer, text: "hi" });
    await labelNumber(testDb(), current().agent, customer, "  Robin Hale ");
    const titled = async () =>
      (await listConversations(testDb(), current().agent, { q: customer.slice(-7), limit: 5 })).conversations[0]?.title;
    expect(await titled()).toBe("Robin Hale");
    await labelNumber(testDb(), current().agent, customer, "");
    expect(await titled()).not.toBe("Robin Hale");
  });
});
