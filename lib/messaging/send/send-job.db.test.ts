import { beforeEach, describe, expect, it } from "vitest";
import { postgresStore } from "@/lib/media/storage";
import { sendMessage } from "./send-message";
import {
  SENDER_NUMBER,
  setUpMessagingFixture,
  TEST_SEND_SETTINGS,
  type MessagingFixture,
} from "@/lib/testing/messaging-fixtures";
import { testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { processConfirmJob } from "./confirm-send";
import type { SendDeps, SendSettings } from "./send-deps";
import { processSendJob } from "./send-job";

const settings = TEST_SEND_SETTINGS;

let fixture: MessagingFixture;
let scheduled: Array<{ queue: string; data: { messageId: string; reservedSlot?: string }; at: Date }>;
const deps = (overrides: Partial<SendSettings> = {}): SendDeps => ({
  database: testDb(),
  pool: testPool(),
  settings: { ...settings, ...overrides },
  storage: { configured: postgresStore, s3: null },
  schedule: async (queue, data, at) => {
    scheduled.push({ queue, data: data as { messageId: string }, at });
  },
});
const faults = (body: object) =>
  fetch(`${fixture.url}/sandbox/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const send = (to: string | string[], text = "Your order has shipped") =>
  sendMessage(testDb(), fixture.agent, { from: SENDER_NUMBER, to, text });
/** What reached the messaging API (the token requests aside). */
const sends = () => fixture.sandbox.state.requests.filter((request) => request.path.endsWith("/messages"));
const stored = (id: string) =>
  testDb().message.findUniqueOrThrow({ where: { id }, include: { recipients: { orderBy: { phoneNumber: "asc" } } } });

const current = setUpMessagingFixture();
beforeEach(() => {
  fixture = current();
  scheduled = [];
});

describe("the send worker, against the sandbox through Bandwidth's SDK", () => {
  it("sends a one-to-one SMS with the number's application and our id as tag", async () => {
    const recipient = uniqueNumber();
    const message = await send(recipient);
    expect(message).toMatchObject({ status: "queued", recipients: [{ phoneNumber: recipient, status: "queued" }] });
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("sent");
    const after = await stored(message.id);
    expect(after).toMatchObject({
      status: "accepted",
      segmentCount: 1,
      bandwidthMessageId: expect.stringMatching(/^\d{13}/),
      sendAttempts: 1,
    });
    expect(after.recipients).toMatchObject([{ status: "accepted" }]);
    const [request] = sends();
    expect(request).toMatchObject({
      status: 202,
      body: {
        applicationId: fixture.applicationId,
        from: SENDER_NUMBER,
        to: [recipient],
        text: "Your order has shipped",
        tag: message.id,
      },
    });
  });

  it("sends a group of three as one message with a recipient row each", async () => {
    const to = [uniqueNumber(), uniqueNumber(), uniqueNumber()];
    const message = await send(to);
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("sent");
    const after = await stored(message.id);
    expect(after.recipients.map((r) => r.status)).toEqual(["accepted", "accepted", "accepted"]);
    expect(sends()[0]?.body).toMatchObject({ to });
  });

  it("sends each message once, however often its job runs", async () => {
    const message = await send(uniqueNumber());
    const results = await Promise.all([
      processSendJob(deps(), { messageId: message.id }),
      processSendJob(deps(), { messageId: message.id }),
    ]);
    expect(results.sort()).toEqual(["sent", "skipped"]);
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("skipped");
    expect(sends()).toHaveLength(1);
  });

  it("waits out a 429 and loses nothing", async () => {
    await faults({ failNextSends: [429, 429] });
    const message = await send(uniqueNumber());
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("rescheduled");
    let after = await stored(message.id);
    expect(after).toMatchObject({ status: "queued", submittedAt: null, errorDetail: expect.stringMatching(/429/) });
    expect(scheduled[0]?.at.getTime()).toBeGreaterThanOrEqual(Date.now() + 500);
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("rescheduled");
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("sent");
    after = await stored(message.id);
    expect(after).toMatchObject({ status: "accepted", sendAttempts: 3, errorDetail: null });
  });

  it("retries 5xx a bounded number of times, then fails with the reason", async () => {
    await faults({ failNextSends: [503, 503, 503] });
    const message = await send(uniqueNumber());
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("rescheduled");
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("rescheduled");
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("failed");
    const after = await stored(message.id);
    expect(after).toMatchObject({ status: "failed", errorDetail: expect.stringMatching(/after 3 attempts.*503/) });
    expect(after.recipients[0]).toMatchObject({ status: "failed" });
  });

  it("fails a message Bandwidth refuses (400) with its field errors in words", async () => {
    const message = await send(uniqueNumber());
    // The sandbox's account does not own this number: Bandwidth answers 400 with a field error.
    fixture.sandbox.state.applications.get(fixture.applicationId)?.numbers.splice(0);
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("failed");
    expect(await stored(message.id)).toMatchObject({
      status: "failed",
      errorDetail: expect.stringMatching(
        /^Bandwidth refused the message: .*from: '\+19195550100' is not a number on account/,
      ),
    });
  });

  it("fails on rejected credentials and tells the admins", async () => {
    const message = await send(uniqueNumber());
    // The client secret was rotated in Bandwidth's dashboard: the stored one is refused.
    await fetch(`${fixture.url}/sandbox/accounts/${fixture.accountId}/credentials/${fixture.client.clientId}/rotate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("failed");
    expect(await stored(message.id)).toMatchObject({
      status: "failed",
      errorDetail: expect.stringMatching(
        /token endpoint refused the API credentials \(invalid_client\)\. An admin has been told/,
      ),
    });
    const alert = await testDb().adminAlert.findFirst({
      where: { kind: "bandwidth.credentials_rejected", message: { contains: fixture.accountId } },
    });
    expect(alert).not.toBeNull();
  });

  it("never resends a send whose answer was lost, and marks it unconfirmed without callbacks", async () => {
    await faults({ sendResponseDelayMs: 1_500 });
    const message = await send(uniqueNumber());
    expect(await processSendJob(deps({ requestTimeoutMs: 300 }), { messageId: message.id })).toBe(
      "awaiting-confirmation",
    );
    const [confirmation] = await testDb().$queryRaw<Array<{ data: { messageId: string; submittedAt: string } }>>`
      SELECT data FROM pgboss.job WHERE name = 'confirm-send' AND data->>'messageId' = ${message.id}`;
    expect(confirmation?.data).toMatchObject({ messageId: message.id, submittedAt: expect.any(String) });
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("skipped");
    expect(await stored(message.id)).toMatchObject({
      status: "queued",
      errorDetail: expect.stringMatching(/may have gone out/),
    });
    expect(await processConfirmJob(testDb(), confirmation?.data ?? { messageId: "" })).toBe("unconfirmed");
    const after = await stored(message.id);
    expect(after).toMatchObject({ status: "unconfirmed", errorDetail: expect.stringMatching(/Resend if needed/) });
    expect(after.recipients[0]?.status).toBe("unconfirmed");
    // It did reach Bandwidth (the sandbox accepted it): exactly why it must not be resent blindly.
    expect(fixture.sandbox.state.messages).toHaveLength(1);
  });

  it("paces sends to the account's rate across jobs", async () => {
    const first = await send(uniqueNumber());
    const second = await send(uniqueNumber());
    const slow = deps({ segmentsPerMinute: 6 });
    expect(await processSendJob(slow, { messageId: first.id })).toBe("sent");
    expect(await processSendJob(slow, { messageId: second.id })).toBe("rescheduled");
    const slot = new Date(scheduled[0]?.data.reservedSlot ?? 0).getTime();
    expect(slot - Date.now()).toBeGreaterThan(8_000);
    expect(scheduled[0]?.at.getTime()).toBe(slot);
  });
});

describe("sending rules", () => {
  it("stores the message, its recipients and its job in one go", async () => {
    const message = await send([uniqueNumber(), uniqueNumber()]);
    const jobs = await testDb().$queryRaw<
      Array<{ n: bigint }>
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = ${message.id}`;
    expect(Number(jobs[0]?.n)).toBe(1);
    expect(message).toMatchObject({ direction: "OUTBOUND", from: SENDER_NUMBER, status: "queued", tag: message.id });
  });

  it.each([
    [{ from: "+15550000000", to: "+15555550001", text: "x" }, 422, /not one of our numbers/],
    [{ from: SENDER_NUMBER, to: ["+15555550001", "+15555550001"], text: "x" }, 422, /listed twice/],
    [{ from: "+18885550100", to: ["+15555550001", "+15555550002"], text: "x" }, 422, /toll-free/],
    [{ from: SENDER_NUMBER, to: "+15555550001", text: "   " }, 422, /Write a message/],
    [{ from: SENDER_NUMBER, text: "x" }, 422, /to: add at least one recipient/],
    [{ conversationId: "00000000-0000-4000-8000-000000000000", text: "x" }, 404, /No conversation/],
  ])("refuses %j", async (input, status, message) => {
    await expect(sendMessage(testDb(), fixture.agent, input)).rejects.toMatchObject({
      status,
      message: expect.stringMatching(message),
    });
  });

  it("keeps agents to the numbers they may send from", async () => {
    await testDb().phoneNumber.update({ where: { e164: SENDER_NUMBER }, data: { allowAllAgents: false } });
    try {
      await expect(send(uniqueNumber())).rejects.toMatchObject({ status: 403 });
      const number = await testDb().phoneNumber.findUniqueOrThrow({ where: { e164: SENDER_NUMBER } });
      await testDb().phoneNumberAgent.create({ data: { userId: fixture.agent.id, phoneNumberId: number.id } });
      await expect(send(uniqueNumber())).resolves.toMatchObject({ status: "queued" });
    } finally {
      await testDb().phoneNumber.update({ where: { e164: SENDER_NUMBER }, data: { allowAllAgents: true } });
    }
  });

  it("replies into a conversation from its own number to its participants", async () => {
    const to = [uniqueNumber(), uniqueNumber()];
    const first = await send(to);
    const conversationId = first.conversationId;
    const reply = await sendMessage(testDb(), fixture.agent, { conversationId, text: "Following up" });
    expect(reply).toMatchObject({ conversationId, from: SENDER_NUMBER, to: [...to].sort() });
    await expect(
      sendMessage(testDb(), fixture.agent, { conversationId, to: [to[0] ?? ""], text: "x" }),
    ).rejects.toMatchObject({ status: 422 });
  });
});
