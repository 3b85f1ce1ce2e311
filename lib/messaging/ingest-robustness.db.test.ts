import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import {
  receivedEvent,
  statusElement,
  testApplication,
  type CallbackElement,
  type TestApplication,
} from "@/lib/testing/webhook-fixtures";
import { ingestCallbacks } from "./ingest-callbacks";

let app: TestApplication;
beforeAll(async () => {
  app = await testApplication();
});
afterAll(async () => {
  await testDb().$disconnect();
  await closeTestPool();
});

const logOf = (requestId: string) =>
  testDb().callbackEvent.findMany({ where: { requestId }, orderBy: { position: "asc" } });
const storedText = async (event: CallbackElement) =>
  (await testDb().message.findUnique({ where: { bandwidthMessageId: event.message.id as string } }))?.text;

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = { down: value };
  return value;
}

describe("one bad element never fails the request", () => {
  it("stores text with NULs and lone surrogates, showing the replacement character", async () => {
    const owner = await app.number();
    const event = receivedEvent(owner, uniqueNumber(), { text: "a\u0000b\ud800c\udfffd 😀" });
    const withKey = { ...receivedEvent(owner, uniqueNumber()), ["odd\u0000key"]: { "\udc00": "x\u0000" } };
    for (const batch of [[event], [withKey], [event, withKey].map((e) => structuredClone(e))]) {
      const summary = await ingestCallbacks(testPool(), app.applicationId, batch);
      expect(summary.outcomes.rejected ?? 0).toBe(0);
    }
    expect(await storedText(event)).toBe("a\ufffdb\ufffdc\ufffdd 😀");
    const [logged] = await testDb().callbackEvent.findMany({
      where: { bandwidthMessageId: withKey.message.id as string },
    });
    expect(logged?.payload).toMatchObject({ "odd\ufffdkey": { "\ufffd": "x\ufffd" } });
  });

  const bad: Array<[string, (owner: string) => unknown, RegExp]> = [
    ["nesting 4,500 deep", (owner) => ({ ...receivedEvent(owner, uniqueNumber()), extra: nested(4_500) }), /deep/],
    [
      "a message id of 5,000 characters",
      (owner) => receivedEvent(owner, uniqueNumber(), { id: "x".repeat(5_000) }),
      /message\.id/,
    ],
    [
      "a status whose from is its only recipient, without tag",
      (owner) => statusElement("message-delivered", owner, [owner]),
      /besides/,
    ],
    [
      "a segment count beyond any integer column",
      (owner) => receivedEvent(owner, uniqueNumber(), { segmentCount: 1e12 }),
      /segmentCount/,
    ],
  ];

  it.each(bad)("rejects %s, alone or beside a valid event that is stored", async (_name, make, reason) => {
    const owner = await app.number();
    const alone = await ingestCallbacks(testPool(), app.applicationId, [make(owner)]);
    expect(alone.outcomes).toEqual({ rejected: 1 });
    expect(await logOf(alone.requestId)).toMatchObject([
      { outcome: "rejected", reason: expect.stringMatching(reason) },
    ]);
    const valid = receivedEvent(owner, uniqueNumber());
    const mixed = await ingestCallbacks(testPool(), app.applicationId, [make(owner), valid]);
    expect(mixed.outcomes).toEqual({ rejected: 1, applied: 1 });
    expect(await storedText(valid)).toBe("hi");
  });

  it("keeps an attachment whose URL decodes to a NUL, with U+FFFD in its name", async () => {
    const owner = await app.number();
    const event = receivedEvent(owner, uniqueNumber(), { media: ["https://messaging.bandwidth.com/media/a%00b.jpg"] });
    const summary = await ingestCallbacks(testPool(), app.applicationId, [event]);
    expect(summary.outcomes).toEqual({ applied: 1 });
    expect(
      await testDb().media.findFirst({ where: { message: { bandwidthMessageId: event.message.id as string } } }),
    ).toMatchObject({ fileName: "a\ufffdb.jpg" });
  });

  it("rejects only the element the database refuses for a reason nothing foresaw", async () => {
    // A stand-in for any refusal the schema's bounds miss: the database refuses one text.
    await testDb().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_boom() RETURNS trigger AS $$
      BEGIN IF NEW.text = 'boom' THEN RAISE EXCEPTION 'no boom here' USING ERRCODE = '22023'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await testDb().$executeRawUnsafe(
      "CREATE OR REPLACE TRIGGER refuse_boom BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION refuse_boom()",
    );
    const owner = await app.number();
    const boom = () => receivedEvent(owner, uniqueNumber(), { text: "boom" });
    const alone = await ingestCallbacks(testPool(), app.applicationId, [boom()]);
    expect(alone.outcomes).toEqual({ rejected: 1 });
    expect(await logOf(alone.requestId)).toMatchObject([{ reason: expect.stringContaining("no boom here") }]);
    const valid = [receivedEvent(owner, uniqueNumber()), statusElement("message-sent", owner, [uniqueNumber()])];
    const mixed = await ingestCallbacks(testPool(), app.applicationId, [valid[0], boom(), valid[1]]);
    expect(mixed.outcomes).toEqual({ applied: 2, rejected: 1 });
    expect((await logOf(mixed.requestId)).map((entry) => entry.outcome)).toEqual(["applied", "rejected", "applied"]);
    await testDb().$executeRawUnsafe("DROP TRIGGER refuse_boom ON messages");
  });

  it("rejects a status without tag whose id is an inbound message's, beside a valid event", async () => {
    const owner = await app.number();
    const inbound = receivedEvent(owner, uniqueNumber());
    await ingestCallbacks(testPool(), app.applicationId, [inbound]);
    const clash = statusElement("message-delivered", owner, [uniqueNumber()], { id: inbound.message.id });
    const valid = receivedEvent(owner, uniqueNumber());
    const summary = await ingestCallbacks(testPool(), app.applicationId, [clash, valid]);
    expect(summary.outcomes).toEqual({ rejected: 1, applied: 1 });
    expect(await storedText(valid)).toBe("hi");
  });
});
