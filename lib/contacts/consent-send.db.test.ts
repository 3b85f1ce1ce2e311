import { beforeEach, describe, expect, it } from "vitest";
import { postgresStore } from "@/lib/media/storage";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";
import { retryFailedRecipients } from "@/lib/messaging/send/retry-failed-recipients";
import type { SendDeps } from "@/lib/messaging/send/send-deps";
import { processSendJob } from "@/lib/messaging/send/send-job";
import { sendMessage } from "@/lib/messaging/send/send-message";
import {
  SENDER_NUMBER,
  setUpMessagingFixture,
  TEST_SEND_SETTINGS,
  type MessagingFixture,
} from "@/lib/testing/messaging-fixtures";
import { testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent } from "@/lib/testing/webhook-fixtures";
import { recordConsentByHand } from "./consent";

let fixture: MessagingFixture;
const deps = (): SendDeps => ({
  database: testDb(),
  pool: testPool(),
  settings: TEST_SEND_SETTINGS,
  storage: { configured: postgresStore, s3: null },
  schedule: async () => undefined,
});
const sends = () => fixture.sandbox.state.requests.filter((request) => request.path.endsWith("/messages"));

const current = setUpMessagingFixture();
beforeEach(() => {
  fixture = current();
});

describe("consent at send time", () => {
  it("fails a message queued before the customer opted out, with the reason, and sends nothing", async () => {
    const customer = uniqueNumber();
    const message = await sendMessage(testDb(), fixture.agent, { from: SENDER_NUMBER, to: customer, text: "queued" });
    await recordConsentByHand(testDb(), fixture.agent, {
      phoneNumber: customer,
      ourNumber: SENDER_NUMBER,
      action: "opt_out",
      reason: "called to say stop",
    });
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("failed");
    const after = await testDb().message.findUniqueOrThrow({
      where: { id: message.id },
      include: { recipients: true },
    });
    expect(after.status).toBe("failed");
    expect(after.errorDetail).toMatch(/opted out .* after this message was queued/);
    expect(after.recipients).toMatchObject([
      { status: "failed", errorDescription: expect.stringMatching(/opted out/) },
    ]);
    expect(sends()).toHaveLength(0);
  });

  it("still sends the automatic confirmation to the customer who just opted out", async () => {
    const customer = uniqueNumber();
    await ingestCallbacks(testPool(), fixture.applicationId, [
      receivedEvent(SENDER_NUMBER, customer, { text: "STOP" }),
    ]);
    const reply = await testDb().message.findFirstOrThrow({ where: { origin: "AUTOMATIC", to: { has: customer } } });
    expect(await processSendJob(deps(), { messageId: reply.id })).toBe("sent");
    expect(sends()[0]?.body).toMatchObject({
      from: SENDER_NUMBER,
      to: [customer],
      text: expect.stringMatching(/unsubscribed/),
    });
  });

  it("refuses to retry a failed recipient who has opted out", async () => {
    const customer = uniqueNumber();
    const message = await sendMessage(testDb(), fixture.agent, { from: SENDER_NUMBER, to: customer, text: "hello" });
    await testDb().messageRecipient.update({
      where: { messageId_phoneNumber: { messageId: message.id, phoneNumber: customer } },
      // A failure a retry could help with (a carrier outage), then the customer opts out.
      data: { status: "failed", errorCode: 5500 },
    });
    await recordConsentByHand(testDb(), fixture.agent, {
      phoneNumber: customer,
      ourNumber: SENDER_NUMBER,
      action: "opt_out",
      reason: "carrier said so",
    });
    await expect(retryFailedRecipients(testDb(), fixture.agent, message.id)).rejects.toMatchObject({
      status: 422,
      body: { error: "opted_out", optedOut: [{ phoneNumber: customer }] },
    });
  });
});
