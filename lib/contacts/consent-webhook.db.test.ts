import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { stopJobQueue } from "@/lib/jobs/queue";
import { ingestCallbacks } from "@/lib/messaging/ingest-callbacks";
import { sendMessage } from "@/lib/messaging/send/send-message";
import { closeTestPool, testDb, testPool, unique, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, statusElement, testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { listConversations, getConversation } from "@/lib/conversations/conversation-queries";

let app: TestApplication;
let admin: CurrentUser;
beforeAll(async () => {
  app = await testApplication();
  const user = await testDb().user.create({
    data: { email: `${unique("consent")}@example.com`, name: "Avery Admin", passwordHash: "x", role: "ADMIN" },
  });
  admin = { id: user.id, email: user.email, name: user.name, role: "ADMIN", active: true };
});
afterAll(async () => {
  await stopJobQueue();
  await testDb().$disconnect();
  await closeTestPool();
});

const tollFreeNumber = () => `+1888${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

async function history(phoneNumber: string) {
  return testDb().consentEvent.findMany({ where: { phoneNumber }, orderBy: { createdAt: "asc" } });
}

async function automaticReplies(from: string, to: string) {
  return testDb().message.findMany({
    where: { origin: "AUTOMATIC", from, to: { has: to } },
    orderBy: { createdAt: "asc" },
  });
}

async function sendJobsFor(messageId: string): Promise<number> {
  const rows = await testDb().$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'send-message' AND data->>'messageId' = $1`,
    messageId,
  );
  return rows[0]?.n ?? 0;
}

describe("keywords through the webhook", () => {
  it("records a STOP to a local number once and queues one confirmation, even when the callback repeats", async () => {
    const owner = await app.number();
    const customer = uniqueNumber();
    const event = receivedEvent(owner, customer, { text: " Stop! " });
    await ingestCallbacks(testPool(), app.applicationId, [event]);
    await ingestCallbacks(testPool(), app.applicationId, [event]); // Bandwidth retries

    const events = await history(customer);
    expect(events).toMatchObject([{ action: "opt_out", source: "keyword", scope: "account", userId: null }]);
    const inbound = await testDb().message.findFirstOrThrow({ where: { from: customer } });
    expect(events[0]?.messageId).toBe(inbound.id);
    const replies = await automaticReplies(owner, customer);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ direction: "OUTBOUND", status: "queued" });
    expect(replies[0]?.text).toMatch(/unsubscribed.*Reply START/);
    expect(await sendJobsFor(replies[0]!.id)).toBe(1);

    // A send right after is refused, naming the number and how.
    await expect(
      sendMessage(testDb(), admin, { from: owner, to: customer, text: "one more thing" }),
    ).rejects.toMatchObject({
      status: 422,
      code: "opted_out",
      body: { error: "opted_out", optedOut: [{ phoneNumber: customer, source: "keyword" }] },
    });
  });

  it("START resubscribes with a confirmation, HELP is answered (even opted out)", async () => {
    const owner = await app.number();
    const customer = uniqueNumber();
    for (const text of ["STOP", "help", "START"])
      await ingestCallbacks(testPool(), app.applicationId, [receivedEvent(owner, customer, { text })]);
    expect((await history(customer)).map((event) => event.action)).toEqual(["opt_out", "opt_in"]);
    const replies = await automaticReplies(owner, customer);
    expect(replies.map((reply) => reply.text)).toEqual([
      expect.stringMatching(/unsubscribed/),
      expect.stringMatching(/help/i),
      expect.stringMatching(/resubscribed/),
    ]);
    await expect(
      sendMessage(testDb(), admin, { from: owner, to: customer, text: "welcome back" }),
    ).resolves.toMatchObject({
      status: "queued",
    });
  });

  it("a STOP to a toll-free number is only recorded (Bandwidth answers it)", async () => {
    const owner = await app.number(tollFreeNumber());
    await testDb().phoneNumber.update({ where: { e164: owner }, data: { tollFree: true } });
    const customer = uniqueNumber();
    await ingestCallbacks(testPool(), app.applicationId, [receivedEvent(owner, customer, { text: "unsubscribe" })]);
    expect(await history(customer)).toMatchObject([{ action: "opt_out", source: "keyword" }]);
    expect(await automaticReplies(owner, customer)).toHaveLength(0);
  });

  it("a longer message is not an opt-out", async () => {
    const owner = await app.number();
    const customer = uniqueNumber();
    await ingestCallbacks(testPool(), app.applicationId, [
      receivedEvent(owner, customer, { text: "please stop texting me" }),
    ]);
    expect(await history(customer)).toHaveLength(0);
    expect(await automaticReplies(owner, customer)).toHaveLength(0);
  });

  it("error 4775 on a delivery marks the recipient opted out (source carrier), once", async () => {
    const owner = await app.number();
    const customer = uniqueNumber();
    const sent = await sendMessage(testDb(), admin, { from: owner, to: customer, text: "hello" });
    const failure = (id: string) => statusElement("message-failed", owner, [customer], { id, tag: sent.id }, customer);
    await ingestCallbacks(testPool(), app.applicationId, [
      { ...failure("bw-4775-a"), errorCode: 4775, description: "opted out" },
    ]);
    expect(await history(customer)).toMatchObject([{ action: "opt_out", source: "carrier", messageId: sent.id }]);
    const page = await listConversations(testDb(), admin, { limit: 50, ownerNumber: owner });
    expect(page.conversations[0]).toMatchObject({ optedOut: true });
    const detail = await getConversation(testDb(), admin, page.conversations[0]!.id);
    expect(detail.optedOut).toMatchObject([{ phoneNumber: customer, source: "carrier" }]);
  });
});
