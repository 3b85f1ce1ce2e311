import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { specExamples } from "@/sandbox/testing/openapi";
import { CHANGES_CHANNEL, decodeNotices } from "@/lib/realtime/change-notice";
import { conversationIdentity } from "@/lib/conversations/conversation-key";
import { ingestCallbacks } from "./ingest-callbacks";
import { applyPendingStatusEvents } from "./pending-status";

let app: TestApplication;
let APP = "";
beforeAll(async () => {
  app = await testApplication();
  APP = app.applicationId;
});
afterAll(async () => {
  await testDb().$disconnect();
  await closeTestPool();
});

type Event = Record<string, unknown> & { message: Record<string, unknown> };

/** An outbound message of ours, as POST /api/messages stores it (queued, no Bandwidth id yet). */
async function ourMessage(owner: string, to: string[]) {
  const identity = conversationIdentity(owner, to);
  const conversation =
    (await testDb().conversation.findUnique({
      where: { ownerNumber_participantsKey: { ownerNumber: owner, participantsKey: identity.participantsKey } },
    })) ?? (await testDb().conversation.create({ data: identity }));
  return testDb().message.create({
    data: {
      conversationId: conversation.id,
      direction: "OUTBOUND",
      from: owner,
      to,
      text: "hello",
      status: "queued",
      recipients: { create: to.map((phoneNumber) => ({ phoneNumber, status: "queued" as const })) },
    },
  });
}

function statusEvent(
  type: string,
  messageId: string,
  tag: string,
  owner: string,
  to: string[],
  recipient: string,
  second: number,
  errorCode?: number,
): Event {
  return {
    type,
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, second)).toISOString(),
    to: recipient,
    description: type,
    ...(errorCode ? { errorCode } : {}),
    message: {
      id: messageId,
      owner,
      applicationId: APP,
      time: "2026-01-01T00:00:00.000Z",
      segmentCount: 1,
      direction: "out",
      to,
      from: owner,
      text: "",
      tag,
    },
  };
}

/** The full life of a group message: sending, sent, then delivered — or failed 4432 for +…4432. */
function lifecycle(messageId: string, tag: string, owner: string, to: string[]): Event[] {
  return to.flatMap((recipient, index) => [
    statusEvent("message-sending", messageId, tag, owner, to, recipient, index * 10 + 1),
    statusEvent("message-sent", messageId, tag, owner, to, recipient, index * 10 + 2),
    recipient.endsWith("4432")
      ? statusEvent("message-failed", messageId, tag, owner, to, recipient, index * 10 + 3, 4432)
      : statusEvent("message-delivered", messageId, tag, owner, to, recipient, index * 10 + 3),
  ]);
}

async function finalState(messageId: string) {
  const message = await testDb().message.findUniqueOrThrow({
    where: { id: messageId },
    include: { recipients: { orderBy: { phoneNumber: "asc" } } },
  });
  return {
    status: message.status,
    recipients: message.recipients.map(({ phoneNumber, status, errorCode }) => ({ phoneNumber, status, errorCode })),
  };
}

const shuffle = <T>(items: T[]) =>
  items
    .map((item) => [Math.random(), item] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, item]) => item);

describe("ingesting callbacks", () => {
  it("applies a group's statuses per recipient, matching our tag before the 202 is stored", async () => {
    const owner = await app.number();
    const to = [uniqueNumber(), uniqueNumber(), "+15555554432"];
    const message = await ourMessage(owner, to);
    const bandwidthId = `bw-${randomUUID()}`;
    for (const event of lifecycle(bandwidthId, message.id, owner, to)) await ingestCallbacks(testPool(), APP, [event]);
    const state = await finalState(message.id);
    expect(state.status).toBe("failed");
    expect(state.recipients.filter((r) => r.status === "delivered")).toHaveLength(2);
    expect(state.recipients.find((r) => r.phoneNumber === "+15555554432")).toMatchObject({
      status: "failed",
      errorCode: 4432,
    });
    const stored = await testDb().message.findUniqueOrThrow({ where: { id: message.id } });
    expect(stored.bandwidthMessageId).toBe(bandwidthId);
  });

  it("reaches the same final state when every event comes 5 times, shuffled, in mixed batches and at once", async () => {
    const owner = await app.number();
    const to = [uniqueNumber(), uniqueNumber(), "+15555554432"];
    const clean = await ourMessage(owner, to);
    for (const event of lifecycle(`bw-${randomUUID()}`, clean.id, owner, to))
      await ingestCallbacks(testPool(), APP, [event]);

    const messy = await ourMessage(owner, to);
    const bandwidthId = `bw-${randomUUID()}`;
    const events = shuffle(Array.from({ length: 5 }, () => lifecycle(bandwidthId, messy.id, owner, to)).flat());
    const batches: Event[][] = [];
    for (let index = 0; index < events.length;) {
      const size = 1 + Math.floor(Math.random() * 3);
      batches.push(events.slice(index, index + size));
      index += size;
    }
    await Promise.all(batches.map((batch) => ingestCallbacks(testPool(), APP, batch)));

    expect(await finalState(messy.id)).toEqual(await finalState(clean.id));
    const logged = await testDb().callbackEvent.groupBy({
      by: ["outcome"],
      where: { bandwidthMessageId: bandwidthId },
      _count: true,
    });
    const count = (outcome: string) => logged.find((row) => row.outcome === outcome)?._count ?? 0;
    expect(logged.reduce((sum, row) => sum + row._count, 0)).toBe(45);
    expect(count("duplicate")).toBe(36);
    expect(count("applied") + count("superseded")).toBe(9);
  });

  it("keeps the first final status and logs a contradicting one", async () => {
    const owner = await app.number();
    const recipient = uniqueNumber();
    const message = await ourMessage(owner, [recipient]);
    await ingestCallbacks(testPool(), APP, [
      statusEvent("message-delivered", "bw-c1", message.id, owner, [recipient], recipient, 5),
    ]);
    const summary = await ingestCallbacks(testPool(), APP, [
      statusEvent("message-failed", "bw-c1", message.id, owner, [recipient], recipient, 6, 4720),
    ]);
    expect(summary.outcomes).toEqual({ conflict: 1 });
    expect((await finalState(message.id)).recipients[0]).toMatchObject({ status: "delivered", errorCode: null });
  });

  it("stores valid elements of a batch and logs the malformed and unknown ones", async () => {
    const owner = await app.number();
    const from = uniqueNumber();
    const received = receivedEvent(owner, from);
    const summary = await ingestCallbacks(testPool(), APP, [
      { type: "message-delivered", to: owner },
      "nonsense",
      received,
      { type: "message-read", to: owner, time: "x", message: { id: "r1" } },
    ]);
    expect(summary.outcomes).toEqual({ rejected: 2, applied: 1, ignored: 1 });
    const conversation = await testDb().conversation.findFirstOrThrow({ where: { ownerNumber: owner } });
    expect(conversation.participants).toEqual([from]);
    const log = await testDb().callbackEvent.findMany({
      where: { requestId: summary.requestId },
      orderBy: { position: "asc" },
    });
    expect(log.map((entry) => entry.outcome)).toEqual(["rejected", "rejected", "applied", "ignored"]);
    expect(log[1]?.payload).toBe("nonsense");
  });

  it("defers a status whose tag names a message we do not have yet, and applies it when it appears", async () => {
    const owner = await app.number();
    const recipient = uniqueNumber();
    const futureId = randomUUID();
    const summary = await ingestCallbacks(testPool(), APP, [
      statusEvent("message-delivered", `bw-${futureId}`, futureId, owner, [recipient], recipient, 9),
    ]);
    expect(summary.outcomes).toEqual({ deferred: 1 });
    const conversation = await testDb().conversation.create({ data: conversationIdentity(owner, [recipient]) });
    await testDb().message.create({
      data: {
        id: futureId,
        conversationId: conversation.id,
        direction: "OUTBOUND",
        from: owner,
        to: [recipient],
        status: "queued",
        recipients: { create: [{ phoneNumber: recipient, status: "queued" }] },
      },
    });
    await applyPendingStatusEvents(testPool(), futureId);
    expect((await finalState(futureId)).recipients[0]?.status).toBe("delivered");
    expect(await testDb().pendingStatusEvent.count({ where: { tag: futureId } })).toBe(0);
  });

  it("records a message sent outside Switchboard", async () => {
    const owner = await app.number();
    const recipient = uniqueNumber();
    await ingestCallbacks(testPool(), APP, [
      statusEvent("message-delivered", "bw-external-1", "someone else's tag", owner, [recipient], recipient, 1),
    ]);
    const message = await testDb().message.findUniqueOrThrow({
      where: { bandwidthMessageId: "bw-external-1" },
      include: { recipients: true, conversation: true },
    });
    expect(message).toMatchObject({
      direction: "OUTBOUND",
      origin: "EXTERNAL",
      status: "delivered",
      conversation: { ownerNumber: owner, participants: [recipient] },
    });
  });

  it("announces changes on PostgreSQL NOTIFY after commit", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const received: string[] = [];
    listener.on("notification", (notification) => received.push(notification.payload ?? ""));
    await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
    try {
      const owner = await app.number();
      const message = await ourMessage(owner, [uniqueNumber()]);
      await ingestCallbacks(testPool(), APP, [
        statusEvent("message-sent", `bw-${randomUUID()}`, message.id, owner, message.to, message.to[0] ?? "", 1),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received.flatMap(decodeNotices)).toContainEqual({
        kind: "message.updated",
        conversationId: message.conversationId,
        messageId: message.id,
      });
    } finally {
      await listener.end();
    }
  });
});

describe("the official OpenAPI callback examples", () => {
  // Each example gets its own message id (several share one in the spec) so each is judged alone.
  const examples = Object.entries(specExamples()).filter(([name]) => name.endsWith("CallbackExample"));

  it.each(examples)("%s is ingested correctly", async (name, example) => {
    const event = structuredClone(example.value) as Event;
    await app.number((event.type === "message-received" ? event.message.owner : event.message.from) as string);
    const messageId = `${event.message.id as string}-${randomUUID()}`;
    event.message.id = messageId;
    const summary = await ingestCallbacks(testPool(), APP, [event]);
    expect(summary.outcomes, name).toEqual({ applied: 1 });
    const message = await testDb().message.findUniqueOrThrow({
      where: { bandwidthMessageId: messageId },
      include: { recipients: true, media: true, conversation: true },
    });
    const m = event.message as { owner: string; from: string; to: string[]; text?: string; media?: string[] };
    if (event.type === "message-received") {
      expect(message).toMatchObject({ direction: "INBOUND", status: "received", text: m.text, from: m.from, to: m.to });
      expect(message.conversation.ownerNumber).toBe(m.owner);
      expect(message.conversation.participants).toEqual(
        [...new Set([m.from, ...m.to])].filter((n) => n !== m.owner).sort(),
      );
      expect(message.media.map((media) => media.fileName)).toEqual((m.media ?? []).map((url) => url.split("/").pop()));
    } else {
      const expected = {
        "message-sending": "sending",
        "message-sent": "sent",
        "message-delivered": "delivered",
        "message-failed": "failed",
      }[event.type as string];
      expect(message).toMatchObject({ direction: "OUTBOUND", origin: "EXTERNAL", from: m.from, to: m.to });
      expect(message.conversation.ownerNumber).toBe(m.from);
      expect(message.recipients.find((r) => r.phoneNumber === event.to)).toMatchObject({
        status: expected,
        errorCode: (event.errorCode as number | undefined) ?? null,
      });
    }
  });
});
