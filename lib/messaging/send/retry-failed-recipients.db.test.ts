import { describe, expect, it } from "vitest";
import { SENDER_NUMBER, setUpMessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, uniqueNumber } from "@/lib/testing/test-database";
import { retryFailedRecipients } from "./retry-failed-recipients";
import { sendMessage } from "./send-message";

const current = setUpMessagingFixture();

describe("retrying failed recipients", () => {
  it("retries only the recipients a group message failed for, as a new message", async () => {
    const [ok, failing] = [uniqueNumber(), "+15555554432"];
    const original = await sendMessage(testDb(), current().agent, {
      from: SENDER_NUMBER,
      to: [ok, failing],
      text: "Doors open at 9",
    });
    await testDb().messageRecipient.update({
      where: { messageId_phoneNumber: { messageId: original.id, phoneNumber: failing } },
      data: { status: "failed", errorCode: 4432 },
    });
    await testDb().messageRecipient.update({
      where: { messageId_phoneNumber: { messageId: original.id, phoneNumber: ok } },
      data: { status: "delivered" },
    });
    const retry = await retryFailedRecipients(testDb(), current().agent, original.id);
    expect(retry).toMatchObject({ from: SENDER_NUMBER, to: [failing], text: "Doors open at 9", status: "queued" });
    expect(retry.id).not.toBe(original.id);
  });

  it("refuses to retry a message nobody failed to get, or an unknown one", async () => {
    const message = await sendMessage(testDb(), current().agent, {
      from: SENDER_NUMBER,
      to: uniqueNumber(),
      text: "hi",
    });
    await expect(retryFailedRecipients(testDb(), current().agent, message.id)).rejects.toMatchObject({ status: 422 });
    await expect(
      retryFailedRecipients(testDb(), current().agent, "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ status: 404 });
  });
});
