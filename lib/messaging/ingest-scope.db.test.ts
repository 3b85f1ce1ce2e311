import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { conversationIdentity } from "@/lib/conversations/conversation-key";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, statusElement, testApplication } from "@/lib/testing/webhook-fixtures";
import { ingestCallbacks } from "./ingest-callbacks";

afterAll(async () => {
  await testDb().$disconnect();
  await closeTestPool();
});

const logOf = (requestId: string) =>
  testDb().callbackEvent.findMany({ where: { requestId }, orderBy: { position: "asc" } });

/** An outbound message sent from `from`, with Bandwidth's id already known. */
async function sentMessage(from: string, to: string) {
  const conversation = await testDb().conversation.create({ data: conversationIdentity(from, [to]) });
  return testDb().message.create({
    data: {
      conversationId: conversation.id,
      direction: "OUTBOUND",
      from,
      to: [to],
      status: "sent",
      bandwidthMessageId: `bw-${randomUUID()}`,
      recipients: { create: [{ phoneNumber: to, status: "sent" }] },
    },
    include: { recipients: true },
  });
}

describe("events are scoped to the application in the URL", () => {
  it("rejects an inbound event whose owner is another application's number, or none of ours", async () => {
    const app = await testApplication();
    const other = await testApplication();
    for (const owner of [await other.number(), "' OR 1=1--", uniqueNumber()]) {
      const customer = uniqueNumber();
      const summary = await ingestCallbacks(testPool(), app.applicationId, [receivedEvent(owner, customer)]);
      expect(summary.outcomes, owner).toEqual({ rejected: 1 });
      expect(await testDb().conversation.count({ where: { participants: { has: customer } } })).toBe(0);
      expect(await logOf(summary.requestId)).toMatchObject([
        { outcome: "rejected", reason: expect.stringContaining("not a number of this application") },
      ]);
    }
  });

  it("rejects a foreign inbound event inside a batch and stores the batch's own", async () => {
    const app = await testApplication();
    const other = await testApplication();
    const ours = receivedEvent(await app.number(), uniqueNumber());
    const theirs = receivedEvent(await other.number(), uniqueNumber());
    const summary = await ingestCallbacks(testPool(), app.applicationId, [theirs, ours]);
    expect(summary.outcomes).toEqual({ rejected: 1, applied: 1 });
    expect(await testDb().message.count({ where: { bandwidthMessageId: ours.message.id as string } })).toBe(1);
    expect(await testDb().message.count({ where: { bandwidthMessageId: theirs.message.id as string } })).toBe(0);
  });

  it("rejects a status event from a number that is not this application's, storing nothing", async () => {
    const app = await testApplication();
    const other = await testApplication();
    for (const from of [await other.number(), uniqueNumber()]) {
      const event = statusElement("message-delivered", from, [uniqueNumber()]);
      const summary = await ingestCallbacks(testPool(), app.applicationId, [event]);
      expect(summary.outcomes, from).toEqual({ rejected: 1 });
      expect(await testDb().message.count({ where: { bandwidthMessageId: event.message.id as string } })).toBe(0);
      expect(await logOf(summary.requestId)).toMatchObject([
        { outcome: "rejected", reason: expect.stringContaining("not a number of this application") },
      ]);
    }
  });

  it("never matches another application's message by Bandwidth id or by tag", async () => {
    const app = await testApplication();
    const other = await testApplication();
    const customer = uniqueNumber();
    const theirs = await sentMessage(await other.number(), customer);
    const ourNumber = await app.number();
    const byId = statusElement("message-failed", ourNumber, [customer], { id: theirs.bandwidthMessageId });
    const byTag = statusElement("message-failed", ourNumber, [customer], { tag: theirs.id });
    const summary = await ingestCallbacks(testPool(), app.applicationId, [{ ...byId, errorCode: 4720 }, byTag]);
    expect(summary.outcomes).toEqual({ rejected: 2 });
    const after = await testDb().message.findUniqueOrThrow({ where: { id: theirs.id }, include: { recipients: true } });
    expect(after.status).toBe("sent");
    expect(after.recipients).toMatchObject([{ status: "sent" }]);
    expect(await testDb().pendingStatusEvent.count({ where: { tag: theirs.id } })).toBe(0);
  });

  it("still records a message sent outside Switchboard from one of this application's numbers", async () => {
    const app = await testApplication();
    const event = statusElement("message-delivered", await app.number(), [uniqueNumber()]);
    const summary = await ingestCallbacks(testPool(), app.applicationId, [event]);
    expect(summary.outcomes).toEqual({ applied: 1 });
    expect(
      await testDb().message.findUnique({ where: { bandwidthMessageId: event.message.id as string } }),
    ).toMatchObject({ origin: "EXTERNAL", status: "delivered" });
  });
});
