// Catch-up over HTTP with the sandbox: callbacks Bandwidth gave up on, learned from List Messages.
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { listConversations } from "@/lib/conversations/conversation-queries";
import { markConversationRead } from "@/lib/conversations/read-state";
import { postgresStore } from "@/lib/media/storage";
import { listConversationsQuery } from "@/lib/validations/conversations";
import { stopJobQueue } from "@/lib/jobs/queue";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";
import { processConfirmJob } from "@/lib/messaging/send/confirm-send";
import { processSendJob } from "@/lib/messaging/send/send-job";
import { sendMessage } from "@/lib/messaging/send/send-message";
import {
  messagingFixture,
  SENDER_NUMBER,
  TEST_SEND_SETTINGS,
  type MessagingFixture,
} from "@/lib/testing/messaging-fixtures";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import type { SandboxConfig } from "@/sandbox/config";
import type { CatchUpDeps } from "./catch-up-deps";
import { runCatchUp } from "./run-catch-up";

const DAY = 24 * 3_600_000;
/** Bandwidth's 24 hours of callback retries in 0.4 s. */
const TIME_SCALE = DAY / 400;
/** Nowhere: the app is not receiving callbacks. */
const NOT_RECEIVING = "http://127.0.0.1:9/api/webhooks/bandwidth/down";

let fixture: MessagingFixture | undefined;
let testStarted = Date.now();
beforeEach(() => {
  testStarted = Date.now();
});
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});
afterAll(async () => {
  await stopJobQueue();
  await testDb().$disconnect();
  await closeTestPool();
});

async function setUp(sandbox: Partial<SandboxConfig> = {}) {
  fixture = await messagingFixture({ callbackUrl: NOT_RECEIVING, sandbox: { timeScale: TIME_SCALE, ...sandbox } });
  return fixture;
}

function deps(overrides: Partial<CatchUpDeps> = {}, list: Partial<CatchUpDeps["list"]> = {}): CatchUpDeps {
  return {
    database: testDb(),
    pool: testPool(),
    encryptionKey: TEST_SEND_SETTINGS.encryptionKey,
    // Scaled as the sandbox is: "6 hours" after a send, "25 hours" after an inbound message.
    // Looking back only as far as this test: other test files leave messages from the same number.
    settings: {
      outboundAfterMs: 0,
      inboundAfterMs: (25 * 3_600_000) / TIME_SCALE,
      lookbackMs: Date.now() - testStarted + 1_000,
    },
    confirmationWindowMs: TEST_SEND_SETTINGS.confirmationWindowMs,
    list: { timeoutMs: 2_000, minIntervalMs: 0, maxRetryAfterMs: 5_000, ...list },
    ...overrides,
  };
}

const sendDeps = () => ({
  database: testDb(),
  pool: testPool(),
  settings: TEST_SEND_SETTINGS,
  storage: { configured: postgresStore, s3: null },
  schedule: async () => undefined,
});

async function faults(url: string, body: object) {
  const response = await fetch(`${url}/sandbox/faults`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

const stored = (id: string) =>
  testDb().message.findUniqueOrThrow({ where: { id }, include: { recipients: { orderBy: { phoneNumber: "asc" } } } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("catching up on outbound statuses", () => {
  it("fills in final statuses whose callbacks were dropped for good, through the status rules, marked as from the records", async () => {
    const { url, sandbox, agent } = await setUp();
    const delivered = uniqueNumber();
    const failing = "+15555554720";
    await faults(url, { dropCallbacks: { numbers: [delivered, failing] } });
    const message = await sendMessage(testDb(), agent, { from: SENDER_NUMBER, to: [delivered, failing], text: "Hi" });
    expect(await processSendJob(sendDeps(), { messageId: message.id })).toBe("sent");
    await sleep(50); // the sandbox settles the message (2 Bandwidth seconds, scaled)
    expect(sandbox.dispatcher.deliveries.every((delivery) => delivery.state === "dropped")).toBe(true);
    expect((await stored(message.id)).recipients.map((recipient) => recipient.status)).toEqual([
      "accepted",
      "accepted",
    ]);

    const result = await runCatchUp(deps());
    if (!result.ran) throw new Error("the catch-up did not run");
    // Other test files' accounts (their sandboxes gone) may add their own problems, never ours.
    expect(result.error ?? "").not.toContain(fixture?.accountId);
    expect(result.tally.outboundApplied).toBeGreaterThanOrEqual(2);
    const after = await stored(message.id);
    expect(after.status).toBe("failed");
    const byNumber = Object.fromEntries(after.recipients.map((recipient) => [recipient.phoneNumber, recipient]));
    expect(byNumber[delivered]).toMatchObject({ status: "delivered", statusSource: "records", errorCode: null });
    expect(byNumber[delivered]?.carrierName).toBeTruthy();
    expect(byNumber[failing]).toMatchObject({ status: "failed", statusSource: "records", errorCode: 4720 });

    const run = await testDb().catchUpRun.findUniqueOrThrow({ where: { id: result.runId } });
    expect(run).toMatchObject({ finishedAt: expect.any(Date), outboundApplied: result.tally.outboundApplied });
    expect(run.requests).toBeGreaterThanOrEqual(2); // its lookup, and the inbound side's listing

    // A second run changes nothing (its recipients are final: it is not looked up again).
    expect(await runCatchUp(deps())).toMatchObject({ ran: true });
    expect((await stored(message.id)).recipients).toEqual(after.recipients);
  });

  it("lets Bandwidth's record overrule our own `unconfirmed` guess about a send whose answer was lost", async () => {
    const { url, agent } = await setUp();
    const recipient = uniqueNumber();
    await faults(url, { dropCallbacks: { numbers: [recipient] }, sendResponseDelayMs: 2_500 });
    const message = await sendMessage(testDb(), agent, { from: SENDER_NUMBER, to: recipient, text: "Lost answer" });
    await processSendJob(sendDeps(), { messageId: message.id });
    expect(await processConfirmJob(testDb(), { messageId: message.id })).toBe("unconfirmed");
    expect(await stored(message.id)).toMatchObject({ status: "unconfirmed", bandwidthMessageId: null });

    expect(await runCatchUp(deps())).toMatchObject({ ran: true, tally: { outboundApplied: 1 } });
    const after = await stored(message.id);
    expect(after).toMatchObject({ status: "delivered", errorDetail: null, bandwidthMessageId: expect.any(String) });
    expect(after.recipients[0]).toMatchObject({ status: "delivered", statusSource: "records" });
  });
});

describe("catching up on inbound messages", () => {
  it("stores a placeholder, unread, once Bandwidth gave up on its callback; a late callback fills it in", async () => {
    const { url, sandbox, agent, applicationId } = await setUp();
    const customer = uniqueNumber();
    // An earlier conversation the agent has read.
    await ingestCallbacks(testPool(), applicationId, [
      {
        type: "message-received",
        time: new Date().toISOString(),
        to: SENDER_NUMBER,
        message: {
          id: `early-${customer}`,
          owner: SENDER_NUMBER,
          time: new Date().toISOString(),
          direction: "in",
          to: [SENDER_NUMBER],
          from: customer,
          text: "first",
        },
      },
    ]);
    const conversation = await testDb().conversation.findFirstOrThrow({ where: { participants: { has: customer } } });
    await markConversationRead(testDb(), agent, conversation.id);

    const response = await fetch(`${url}/sandbox/inbound`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: customer, to: [SENDER_NUMBER], text: "Are you open on Sunday?" }),
    });
    const [sent] = ((await response.json()) as { messages: Array<{ id: string; time: string }> }).messages;
    if (!sent) throw new Error("no inbound message");
    // Too early: Bandwidth is still retrying; nothing is added.
    expect(await runCatchUp(deps())).toMatchObject({ ran: true });
    expect(await testDb().message.count({ where: { bandwidthMessageId: sent.id } })).toBe(0);
    await sleep(800); // the (scaled) 24 hours of retries, and the margin, pass
    expect(sandbox.dispatcher.deliveries.find((delivery) => delivery.events[0]?.message.id === sent.id)?.state).toBe(
      "gave-up",
    );

    const result = await runCatchUp(deps());
    expect(result).toMatchObject({ ran: true, tally: { inboundAdded: expect.any(Number) } });
    expect(result.ran && result.tally.inboundAdded).toBeGreaterThanOrEqual(1);
    const placeholder = await testDb().message.findUniqueOrThrow({ where: { bandwidthMessageId: sent.id } });
    expect(placeholder).toMatchObject({
      conversationId: conversation.id,
      direction: "INBOUND",
      from: customer,
      text: "",
      missedCallback: true,
      segmentCount: 1,
      attachmentCount: 0,
      messageTime: new Date(sent.time),
    });
    const page = await listConversations(
      testDb(),
      agent,
      listConversationsQuery.parse({ ownerNumber: SENDER_NUMBER, limit: "100" }),
    );
    expect(page.conversations.find((entry) => entry.id === conversation.id)).toMatchObject({
      unreadCount: 1,
      lastMessage: { preview: "Message missed — Bandwidth keeps no text" },
    });

    // Idempotent: a second run adds nothing.
    expect(await runCatchUp(deps())).toMatchObject({ ran: true, tally: { inboundAdded: 0 } });
    expect(await testDb().message.count({ where: { bandwidthMessageId: sent.id } })).toBe(1);

    // The callback after all (late): the placeholder is filled in, not duplicated.
    const late = await ingestCallbacks(testPool(), applicationId, [
      {
        type: "message-received",
        time: new Date().toISOString(),
        to: SENDER_NUMBER,
        message: {
          id: sent.id,
          owner: SENDER_NUMBER,
          time: sent.time,
          direction: "in",
          to: [SENDER_NUMBER],
          from: customer,
          text: "Are you open on Sunday?",
          media: [`${url}/api/v2/users/${fixture?.accountId}/media/${sent.id}/0/menu.jpg`],
        },
      },
    ]);
    expect(late).toMatchObject({ outcomes: { applied: 1 }, mediaIds: [expect.any(String)] });
    expect(await testDb().media.count({ where: { messageId: placeholder.id, status: "pending" } })).toBe(1);
    expect(await testDb().message.count({ where: { bandwidthMessageId: sent.id } })).toBe(1);
    expect(await testDb().message.findUniqueOrThrow({ where: { id: placeholder.id } })).toMatchObject({
      text: "Are you open on Sunday?",
      missedCallback: false,
    });
  });
});

describe("running the catch-up", () => {
  it("waits as List Messages' Retry-After says when it is rate limited", async () => {
    // One request per scaled 5 minutes (1.2 s here): the second waits out a 429's Retry-After.
    const { url, sandbox, agent } = await setUp({ listRateLimit: 1, timeScale: 250 });
    const first = uniqueNumber();
    const second = uniqueNumber();
    await faults(url, { dropCallbacks: { numbers: [first, second] } });
    for (const to of [first, second]) {
      const message = await sendMessage(testDb(), agent, { from: SENDER_NUMBER, to, text: "Hi" });
      await processSendJob(sendDeps(), { messageId: message.id });
    }
    await sleep(50);
    const started = Date.now();
    // Outbound only (the inbound window is empty when it ends where it starts).
    const lookbackMs = Date.now() - testStarted + 1_000;
    const outboundOnly = { outboundAfterMs: 0, inboundAfterMs: lookbackMs, lookbackMs };
    const result = await runCatchUp(deps({ settings: outboundOnly }));
    if (!result.ran) throw new Error("the catch-up did not run");
    expect(result.error ?? "").not.toContain(fixture?.accountId);
    expect(result.tally.outboundApplied).toBeGreaterThanOrEqual(2);
    const lists = sandbox.state.requests.filter(
      (request) => request.method === "GET" && request.path.endsWith("/messages"),
    );
    expect(lists.map((request) => request.status)).toEqual([200, 429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000); // Retry-After: 2 (seconds)
  });

  it("stops at a Retry-After too long to wait and records it as the run's error", async () => {
    const { url, agent } = await setUp({ listRateLimit: 1, timeScale: 1 });
    await faults(url, { dropCallbacks: { numbers: [] } });
    for (let index = 0; index < 2; index += 1) {
      const message = await sendMessage(testDb(), agent, { from: SENDER_NUMBER, to: uniqueNumber(), text: "Hi" });
      await processSendJob(sendDeps(), { messageId: message.id });
    }
    const result = await runCatchUp(deps({}, { maxRetryAfterMs: 1_000 }));
    expect(result).toMatchObject({ ran: true, error: expect.stringMatching(/rate limited for 300 s/) });
  });

  it("runs once when two instances start it at the same moment", async () => {
    await setUp();
    const before = await testDb().catchUpRun.count();
    const results = await Promise.all([runCatchUp(deps()), runCatchUp(deps()), runCatchUp(deps())]);
    expect(results.filter((result) => result.ran)).toHaveLength(1);
    expect(await testDb().catchUpRun.count()).toBe(before + 1);
  });
});
