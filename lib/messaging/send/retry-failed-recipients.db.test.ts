import { describe, expect, it } from "vitest";
import { SENDER_NUMBER, setUpMessagingFixture } from "@/lib/testing/messaging-fixtures";
import { testDb, uniqueNumber } from "@/lib/testing/test-database";
import { retryFailedRecipients } from "./retry-failed-recipients";
import { getMessageView } from "@/lib/conversations/message-queries";
import { sendMessage } from "./send-message";

const current = setUpMessagingFixture();

describe("retrying failed recipients", () => {
  it("retries only the recipients a group message failed for, as a new message", async () => {
    const [ok, failing, refused] = [uniqueNumber(), "+15555555600", "+15555554432"];
    const original = await sendMessage(testDb(), current().agent, {
      from: SENDER_NUMBER,
      to: [ok, failing, refused],
      text: "Doors open at 9",
    });
    await testDb().messageRecipient.update({
      where: { messageId_phoneNumber: { messageId: original.id, phoneNumber: failing } },
      data: { status: "failed", errorCode: 5600 },
    });
    await testDb().messageRecipient.update({
      where: { messageId_phoneNumber: { messageId: original.id, phoneNumber: refused } },
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

  it("refuses to retry where sending again would fail the same way", async () => {
    const refused = "+15555554432";
    const message = await sendMessage(testDb(), current().agent, { from: SENDER_NUMBER, to: refused, text: "hi" });
    await testDb().messageRecipient.update({
      where: { messageId_phoneNumber: { messageId: message.id, phoneNumber: refused } },
      data: { status: "failed", errorCode: 4432 },
    });
    await expect(retryFailedRecipients(testDb(), current().agent, message.id)).rejects.toMatchObject({ status: 422 });
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

describe("retrying a recipient once", () => {
  it("sends each failed recipient again once, says where it went, and answers 409 to a second retry", async () => {
    const [ok, failing] = [uniqueNumber(), "+15555555500"];
    const original = await sendMessage(testDb(), current().agent, {
      from: SENDER_NUMBER,
      to: [ok, failing],
      text: "Bring the receipt",
    });
    await testDb().messageRecipient.update({
      where: { messageId_phoneNumber: { messageId: original.id, phoneNumber: failing } },
      data: { status: "failed", errorCode: 5500 },
    });
    const [first, second] = await Promise.allSettled([
      retryFailedRecipients(testDb(), current().agent, original.id),
      retryFailedRecipients(testDb(), current().agent, original.id),
    ]);
    const sent = [first, second].filter((result) => result.status === "fulfilled");
    const refused = [first, second].filter((result) => result.status === "rejected");
    expect(sent).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const retry = (sent[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof retryFailedRecipients>>>).value;
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ status: 409 });

    const again = retryFailedRecipients(testDb(), current().agent, original.id);
    await expect(again).rejects.toMatchObject({
      status: 409,
      message: "Already sent separately to (555) 555-5500.",
      details: { retries: [{ phoneNumber: failing, messageId: retry.id, conversationId: retry.conversationId }] },
    });
    const view = await getMessageView(testDb(), original.id);
    expect(view?.recipients.find((r) => r.phoneNumber === failing)?.retriedAs).toEqual({
      messageId: retry.id,
      conversationId: retry.conversationId,
    });
    expect(view?.recipients.find((r) => r.phoneNumber === ok)?.retriedAs).toBeNull();
  });
});
