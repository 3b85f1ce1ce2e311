import { afterAll, describe, expect, it } from "vitest";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, statusElement, testApplication } from "@/lib/testing/webhook-fixtures";
import { ingestCallbacks } from "./ingest-callbacks";

afterAll(async () => {
  await testDb().$disconnect();
  await closeTestPool();
});

const FUTURE = "9999-01-01T00:00:00.000Z";
const conversationOf = (bandwidthMessageId: string) =>
  testDb().message.findUniqueOrThrow({ where: { bandwidthMessageId }, include: { conversation: true } });

describe("Bandwidth's event times", () => {
  it("order conversations only up to when the event arrived, and are kept as sent in the log", async () => {
    const app = await testApplication();
    const owner = await app.number();
    const customer = uniqueNumber();
    const future = receivedEvent(owner, customer, { time: FUTURE });
    future.time = FUTURE;
    const before = new Date();
    const summary = await ingestCallbacks(testPool(), app.applicationId, [future]);
    const stored = await conversationOf(future.message.id as string);
    expect(stored.conversation.lastMessageAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(stored.conversation.lastMessageAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
    expect(stored.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(stored.messageTime?.toISOString()).toBe(FUTURE);
    const [logged] = await testDb().callbackEvent.findMany({ where: { requestId: summary.requestId } });
    expect(logged?.eventTime?.toISOString()).toBe(FUTURE);
    expect(logged?.payload).toMatchObject({ time: FUTURE, message: { time: FUTURE } });

    // The customer's next message is the conversation's newest, and another conversation can pass it.
    const later = () => new Promise((resolve) => setTimeout(resolve, 10)); // past timestamptz(3) rounding
    await later();
    const next = receivedEvent(owner, customer);
    await ingestCallbacks(testPool(), app.applicationId, [next]);
    await later();
    const elsewhere = receivedEvent(owner, uniqueNumber());
    await ingestCallbacks(testPool(), app.applicationId, [elsewhere]);
    const latest = await conversationOf(next.message.id as string);
    expect(latest.conversation.lastMessageId).toBe(latest.id);
    const [first] = await testDb().conversation.findMany({
      where: { ownerNumber: owner },
      orderBy: { lastMessageAt: "desc" },
    });
    expect(first?.participants).toEqual([elsewhere.message.from]);
  });

  it("clamp a message sent outside Switchboard the same way", async () => {
    const app = await testApplication();
    const event = statusElement("message-delivered", await app.number(), [uniqueNumber()], { time: FUTURE });
    await ingestCallbacks(testPool(), app.applicationId, [event]);
    const stored = await conversationOf(event.message.id as string);
    expect(stored.conversation.lastMessageAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(stored.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(stored.messageTime?.toISOString()).toBe(FUTURE);
  });
});
