import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/bandwidth/[applicationId]/route";
import { conversationIdentity } from "@/lib/conversations/conversation-key";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, statusElement, testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { ingestCallbacks } from "./ingest-callbacks";

// Property-based: random and adversarial elements mixed with valid ones in the same batches. The
// webhook never fails for them: every valid event is stored, every bad one logged as rejected.

type Expect = "applied" | "rejected" | "rejected-or-ignored";
/**
 * An element, its JSON text (built by hand when too deep for JSON.stringify) and its expected fate.
 * A valid one gets a new message id each time it runs (`fresh`), shrinking included.
 */
type Case = { value: unknown; json: string; expect: Expect; fresh?: true; storedId?: string };

let app: TestApplication;
let ours: string[];
let foreignNumber: string;
let inboundId: string;
let foreignMessage: { id: string; bandwidthMessageId: string };
const customers = Array.from({ length: 4 }, () => uniqueNumber());

beforeAll(async () => {
  app = await testApplication();
  ours = [await app.number(), await app.number()];
  const other = await testApplication();
  foreignNumber = await other.number();
  const inbound = receivedEvent(ours[0] ?? "", customers[0] ?? "");
  await ingestCallbacks(testPool(), app.applicationId, [inbound]);
  inboundId = inbound.message.id as string;
  const conversation = await testDb().conversation.create({
    data: conversationIdentity(foreignNumber, [customers[1] ?? ""]),
  });
  foreignMessage = (await testDb().message.create({
    data: {
      conversationId: conversation.id,
      direction: "OUTBOUND",
      from: foreignNumber,
      to: [customers[1] ?? ""],
      status: "sent",
      bandwidthMessageId: `bw-${randomUUID()}`,
      recipients: { create: [{ phoneNumber: customers[1] ?? "", status: "sent" }] },
    },
    select: { id: true, bandwidthMessageId: true },
  })) as { id: string; bandwidthMessageId: string };
});

afterAll(async () => {
  await Promise.all([db().$disconnect(), pgPool().end(), testDb().$disconnect(), closeTestPool()]);
});

const nasty = fc
  .array(
    fc.oneof(fc.constantFrom("\u0000", "\ud800", "\udfff", "\udc00a", "😀", "'", '"', "\\", "%00", "é"), fc.string()),
    {
      maxLength: 8,
    },
  )
  .map((parts) => parts.join(""));
const ourNumber = fc.constantFrom(...[0, 1]).map((index) => ours[index] ?? "");
const customer = fc.constantFrom(...customers);
const plain = (value: unknown, expect: Expect): Case => ({ value, json: JSON.stringify(value), expect });
const FRESH = "bw-fuzz-fresh";
const validCase = (value: unknown): Case => ({ ...plain(value, "applied"), fresh: true });

function instantiate(item: Case): Case {
  if (!item.fresh) return item;
  const id = `bw-fuzz-${randomUUID()}`;
  const value = structuredClone(item.value) as { message: { id: string } };
  value.message.id = id;
  return { ...item, value, json: item.json.replace(FRESH, id), storedId: id };
}

const valid: fc.Arbitrary<Case> = fc.oneof(
  fc
    .record({ owner: ourNumber, from: customer, text: nasty })
    .map(({ owner, from, text }) => validCase(receivedEvent(owner, from, { id: FRESH, text }))),
  fc
    .record({ from: ourNumber, to: customer, type: fc.constantFrom("message-sent", "message-delivered") })
    .map(({ from, to, type }) => validCase(statusElement(type, from, [to], { id: FRESH }))),
);

function deepCase(depth: number): Case {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = { down: value };
  const json = `{"type":"message-received","extra":${'{"down":'.repeat(depth)}"bottom"${"}".repeat(depth)}}`;
  return { value: { type: "message-received", extra: value }, json, expect: "rejected" };
}

const bad: fc.Arbitrary<Case> = fc.oneof(
  fc
    .record({ owner: fc.oneof(fc.constant("' OR 1=1--"), nasty, fc.constant("")), from: customer })
    .map(({ owner, from }) => plain(receivedEvent(owner || foreignNumber, from), "rejected")),
  fc
    .integer({ min: 101, max: 5_000 })
    .map((length) => plain(receivedEvent(ours[0] ?? "", customers[2] ?? "", { id: "x".repeat(length) }), "rejected")),
  fc.integer({ min: 33, max: 5_000 }).map(deepCase),
  ourNumber.map((owner) => plain(statusElement("message-delivered", owner, [owner]), "rejected")),
  ourNumber.map((owner) =>
    plain(statusElement("message-delivered", owner, [customers[3] ?? ""], { id: inboundId }), "rejected"),
  ),
  ourNumber.map((owner) =>
    plain(
      statusElement("message-failed", owner, [customers[1] ?? ""], { id: foreignMessage.bandwidthMessageId }),
      "rejected",
    ),
  ),
  ourNumber.map((owner) =>
    plain(statusElement("message-delivered", owner, [customers[1] ?? ""], { tag: foreignMessage.id }), "rejected"),
  ),
  ourNumber.map((owner) => plain(statusElement("message-sent", foreignNumber, [owner]), "rejected")),
  fc
    .record({
      field: fc.constantFrom("id", "to", "from", "time", "segmentCount", "text", "media", "tag", "direction"),
      // Each of these is the wrong type (or range) for every one of the fields.
      value: fc.constantFrom<unknown>({}, true, null, [{}], -1.5, 1e12),
    })
    .map(({ field, value }) => plain(receivedEvent(ours[1] ?? "", customers[2] ?? "", { [field]: value }), "rejected")),
);

const random: fc.Arbitrary<Case> = fc
  .oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.record({
      type: fc.oneof(nasty, fc.constantFrom("message-received", "message-failed", "message-read")),
      message: fc.jsonValue({ maxDepth: 3 }),
    }),
  )
  .map((value) => plain(value, "rejected-or-ignored"));

const batch = fc.array(
  fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: bad, weight: 3 }, { arbitrary: random, weight: 1 }),
  {
    minLength: 1,
    maxLength: 8,
  },
);

async function checkLogged(requestId: string, cases: Case[]) {
  const log = await testDb().callbackEvent.findMany({ where: { requestId }, orderBy: { position: "asc" } });
  expect(log.map((entry) => entry.position)).toEqual(cases.map((_, position) => position));
  cases.forEach((item, position) => {
    const outcome = log[position]?.outcome;
    if (item.expect === "rejected-or-ignored")
      expect(["rejected", "ignored"], item.json.slice(0, 300)).toContain(outcome);
    else expect(outcome, item.json.slice(0, 300)).toBe(item.expect);
  });
  const storedIds = cases.flatMap((item) => (item.storedId ? [item.storedId] : []));
  expect(await testDb().message.count({ where: { bandwidthMessageId: { in: storedIds } } })).toBe(storedIds.length);
}

describe("the webhook under random and adversarial batches", () => {
  it("stores every valid event and rejects every bad one, never failing the batch", async () => {
    await fc.assert(
      fc.asyncProperty(batch, async (generated) => {
        const cases = generated.map(instantiate);
        const summary = await ingestCallbacks(
          testPool(),
          app.applicationId,
          cases.map((item) => item.value),
        );
        expect(summary.events).toBe(cases.length);
        await checkLogged(summary.requestId, cases);
      }),
      { numRuns: 250 },
    );
  });

  it("answers 200 through the route for the same batches sent as JSON text", async () => {
    await fc.assert(
      fc.asyncProperty(batch, async (generated) => {
        const cases = generated.map(instantiate);
        const request = new Request(`http://localhost/api/webhooks/bandwidth/${app.applicationId}`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: app.authorization },
          body: `[${cases.map((item) => item.json).join(",")}]`,
        });
        const response = await POST(request, { params: Promise.resolve({ applicationId: app.applicationId }) });
        const body = (await response.json()) as { received?: number };
        expect(response.status, JSON.stringify(body)).toBe(200);
        expect(body.received).toBe(cases.length);
      }),
      { numRuns: 60 },
    );
  });
});
