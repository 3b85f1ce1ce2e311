import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as MessagingClient from "@/lib/bandwidth/messaging-client";
import { postgresStore } from "@/lib/media/storage";
import { SENDER_NUMBER, setUpMessagingFixture, TEST_SEND_SETTINGS } from "@/lib/testing/messaging-fixtures";
import { testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { processConfirmJob, type ConfirmJobData } from "./confirm-send";
import type { SendDeps } from "./send-deps";
import { processSendJob } from "./send-job";
import { sendMessage } from "./send-message";

// The process "dies" right after Bandwidth took the send and before its answer is stored: the
// request reached Bandwidth, then the job's promise rejects as a crash would end it.
const crash = vi.hoisted(() => ({ afterSend: false }));
vi.mock("@/lib/bandwidth/messaging-client", async (importOriginal) => {
  const actual = await importOriginal<typeof MessagingClient>();
  return {
    ...actual,
    sendThroughBandwidth: async (...args: Parameters<typeof actual.sendThroughBandwidth>) => {
      const outcome = await actual.sendThroughBandwidth(...args);
      if (crash.afterSend) throw new Error("the process died here");
      return outcome;
    },
  };
});

const current = setUpMessagingFixture();
beforeEach(() => {
  crash.afterSend = false;
});

const deps = (): SendDeps => ({
  database: testDb(),
  pool: testPool(),
  settings: TEST_SEND_SETTINGS,
  storage: { configured: postgresStore, s3: null },
  schedule: async () => undefined,
});

const confirmations = (messageId: string) =>
  testDb().$queryRaw<Array<{ data: ConfirmJobData; start_after: Date }>>`
    SELECT data, start_after FROM pgboss.job WHERE name = 'confirm-send' AND data->>'messageId' = ${messageId}`;

describe("a send whose instance dies after the claim", () => {
  it("is confirmed later, never sent twice, never left queued for ever", async () => {
    const message = await sendMessage(testDb(), current().agent, {
      from: SENDER_NUMBER,
      to: uniqueNumber(),
      text: "Hi",
    });
    crash.afterSend = true;
    await expect(processSendJob(deps(), { messageId: message.id })).rejects.toThrow(/died/);
    crash.afterSend = false;
    // pg-boss runs the job again on another worker: it sees the claim and does not resend.
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("skipped");
    expect(current().sandbox.state.messages).toHaveLength(1);

    // The confirmation was scheduled with the claim, a window later.
    const [confirmation, ...more] = await confirmations(message.id);
    expect(more).toHaveLength(0);
    expect(confirmation?.start_after.getTime()).toBeGreaterThan(
      Date.now() + TEST_SEND_SETTINGS.confirmationWindowMs - 60_000,
    );
    expect(await processConfirmJob(testDb(), confirmation?.data ?? { messageId: "" })).toBe("unconfirmed");
    expect(await testDb().message.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "unconfirmed",
    });
  });

  it("leaves alone a message whose claim was released for a retry", async () => {
    const message = await sendMessage(testDb(), current().agent, {
      from: SENDER_NUMBER,
      to: uniqueNumber(),
      text: "Hi",
    });
    await fetch(`${current().url}/sandbox/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failNextSends: [503] }),
    });
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("rescheduled");
    const [confirmation] = await confirmations(message.id);
    expect(await processConfirmJob(testDb(), confirmation?.data ?? { messageId: "" })).toBe("skipped");
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("sent");
    // The first claim's job stays out of it; the second claim has its own.
    expect(await processConfirmJob(testDb(), confirmation?.data ?? { messageId: "" })).toBe("skipped");
    expect(await confirmations(message.id)).toHaveLength(2);
  });
});
