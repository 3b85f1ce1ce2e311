import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { agent, callback, conversation, deliver as deliverTo, message, query } from "@/lib/testing/report-fixtures";
import { deliveryReport } from "./delivery-report";
import { failedConversations } from "./failures";
import { loadDeliveryReport, loadFailedConversations } from "./reports";
import { rebuildRollups } from "./rollup";

// The delivery report on a hand-built data set: known counts, codes and carriers; statuses arrive as
// Bandwidth's callbacks through the webhook's own ingestion, late and repeated ones included.

let app: TestApplication;
afterAll(async () => {
  await testDb().$disconnect();
  await closeTestPool();
});
const deliver = (events: unknown[]) => deliverTo(app.applicationId, events);

describe("the delivery report", () => {
  let A = "";
  let B = "";
  const customers = { c1: "", c2: "", c3: "", c4: "", c6: "", g1: "", g2: "", g3: "" };
  let groupConversationId = "";
  let c2ConversationId = "";

  beforeAll(async () => {
    app = await testApplication();
    A = await app.number();
    B = await app.number();
    for (const key of Object.keys(customers) as Array<keyof typeof customers>) customers[key] = uniqueNumber();
    const [agent1, agent2] = [await agent("Ada Agent"), await agent("Bo Agent")];

    const c1 = await conversation(A, [customers.c1], new Date("2026-03-10T08:00:00Z"));
    const group = await conversation(A, [customers.g1, customers.g2, customers.g3], new Date("2026-03-10T10:00:00Z"));
    const c2 = await conversation(B, [customers.c2], new Date("2026-03-11T14:00:00Z"));
    const c3 = await conversation(B, [customers.c3], new Date("2026-03-11T14:00:00Z"));
    const c4 = await conversation(A, [customers.c4], new Date("2026-03-09T10:00:00Z"));
    const c6 = await conversation(B, [customers.c6], new Date("2026-03-11T14:00:00Z"));
    groupConversationId = group.id;
    c2ConversationId = c2.id;

    // m1: delivered; its callbacks come twice and out of order.
    const m1 = await message({
      conversation: c1,
      direction: "OUTBOUND",
      at: "2026-03-10T09:00:00Z",
      sentById: agent1.id,
      segments: 2,
    });
    const delivered1 = callback("message-delivered", m1, customers.c1, {
      carrierName: "Verizon Wireless",
      segmentCount: 2,
    });
    const sent1 = callback("message-sent", m1, customers.c1, { segmentCount: 2 });
    await deliver([callback("message-sending", m1, customers.c1, { segmentCount: 2 }), delivered1]);
    await deliver([delivered1, sent1]); // the same delivered again, and a late "sent"
    // m2: a group MMS: delivered, failed 4720 (twice), no receipt (9902).
    const m2 = await message({
      conversation: group,
      direction: "OUTBOUND",
      at: "2026-03-10T10:30:00Z",
      sentById: agent2.id,
    });
    await testDb().media.create({ data: { messageId: m2.id, fileName: "photo.jpg", position: 0, status: "stored" } });
    const failed2 = callback("message-failed", m2, customers.g2, { errorCode: 4720, carrierName: "AT&T Wireless" });
    await deliver([
      callback("message-delivered", m2, customers.g1, { carrierName: "T-Mobile USA" }),
      failed2,
      callback("message-failed", m2, customers.g3, { errorCode: 9902 }),
    ]);
    await deliver([failed2]);
    // m3: failed 4720; m4: no callback yet; m6: refused by Bandwidth's API (no code); m5: before the range.
    const m3 = await message({
      conversation: c2,
      direction: "OUTBOUND",
      at: "2026-03-11T15:00:00Z",
      sentById: agent1.id,
    });
    await deliver([callback("message-failed", m3, customers.c2, { errorCode: 4720, carrierName: "Verizon Wireless" })]);
    await message({ conversation: c3, direction: "OUTBOUND", at: "2026-03-11T16:00:00Z", sentById: agent1.id });
    const m6 = await message({
      conversation: c6,
      direction: "OUTBOUND",
      at: "2026-03-11T17:00:00Z",
      sentById: agent2.id,
    });
    await testDb().messageRecipient.updateMany({ where: { messageId: m6.id }, data: { status: "failed" } });
    const m5 = await message({
      conversation: c4,
      direction: "OUTBOUND",
      at: "2026-03-09T23:59:59Z",
      sentById: agent1.id,
    });
    await deliver([callback("message-delivered", m5, customers.c4)]);

    // Twice: a rebuild recomputes, it never adds to what the last one counted.
    await rebuildRollups(testPool(), new Date("2026-03-01T00:00:00Z"), true);
    await rebuildRollups(testPool(), new Date("2026-03-01T00:00:00Z"), true);
  });

  it("counts messages, segments and what became of every recipient", async () => {
    const report = await deliveryReport(testDb(), query("2026-03-10", "2026-03-12"), [A, B]);
    expect(report.totals).toEqual({
      messagesSent: 5,
      segmentsSent: 6,
      recipients: 7,
      delivered: 2,
      failed: 3,
      unconfirmed: 1,
      pending: 1,
      deliveryRate: 2 / 6,
    });
    expect(report.range.granularity).toBe("day");
    expect(report.asOf).not.toBeNull();
    expect(
      report.overTime.map((b) => [b.bucket, b.messagesSent, b.delivered, b.failed, b.unconfirmed, b.pending]),
    ).toEqual([
      ["2026-03-10T00:00:00.000Z", 2, 2, 1, 1, 0],
      ["2026-03-11T00:00:00.000Z", 3, 0, 2, 0, 1],
      ["2026-03-12T00:00:00.000Z", 0, 0, 0, 0, 0],
    ]);
    // Two days or less: hour by hour.
    const hourly = await deliveryReport(testDb(), query("2026-03-10", "2026-03-11"), [A, B]);
    expect(hourly.range.granularity).toBe("hour");
    expect(hourly.overTime).toHaveLength(48);
    expect(hourly.totals).toEqual(report.totals);
  });

  it("lists failures by error code with the catalogue's meaning and share", async () => {
    const report = await deliveryReport(testDb(), query("2026-03-10", "2026-03-11"), [A, B]);
    expect(report.errorCodes.map(({ code, count, share }) => ({ code, count, share }))).toEqual([
      { code: 4720, count: 2, share: 0.5 },
      { code: 0, count: 1, share: 0.25 },
      { code: 9902, count: 1, share: 0.25 },
    ]);
    const byCode = new Map(report.errorCodes.map((row) => [row.code, row]));
    expect(byCode.get(9902)).toMatchObject({
      description: "delivery-receipt-expired",
      meaning: "Delivery unconfirmed",
    });
    expect(byCode.get(4720)?.description).toBeTruthy();
    expect(byCode.get(0)?.meaning).toMatch(/Refused/);
  });

  it("splits by carrier, one-to-one vs group and SMS vs MMS", async () => {
    const report = await deliveryReport(testDb(), query("2026-03-10", "2026-03-11"), [A, B]);
    expect(
      report.carriers.map(({ carrier, recipients, delivered, failed }) => ({ carrier, recipients, delivered, failed })),
    ).toEqual([
      { carrier: "", recipients: 3, delivered: 0, failed: 1 },
      { carrier: "Verizon Wireless", recipients: 2, delivered: 1, failed: 1 },
      { carrier: "AT&T Wireless", recipients: 1, delivered: 0, failed: 1 },
      { carrier: "T-Mobile USA", recipients: 1, delivered: 1, failed: 0 },
    ]);
    expect(report.kinds.map(({ kind, messagesSent, recipients }) => ({ kind, messagesSent, recipients }))).toEqual([
      { kind: "one-to-one", messagesSent: 4, recipients: 4 },
      { kind: "group", messagesSent: 1, recipients: 3 },
    ]);
    expect(
      report.channels.map(({ channel, messagesSent, segmentsSent }) => ({ channel, messagesSent, segmentsSent })),
    ).toEqual([
      { channel: "SMS", messagesSent: 4, segmentsSent: 5 },
      { channel: "MMS", messagesSent: 1, segmentsSent: 1 },
    ]);
  });

  it("narrows to one number and to hours for a short range", async () => {
    const report = await deliveryReport(testDb(), query("2026-03-11", "2026-03-11", B), [B]);
    expect(report.totals.messagesSent).toBe(3);
    expect(report.range.granularity).toBe("hour");
    expect(report.overTime).toHaveLength(24);
    expect(report.overTime.find((b) => b.bucket === "2026-03-11T15:00:00.000Z")).toMatchObject({
      messagesSent: 1,
      failed: 1,
    });
  });

  it("leads from an error code to the conversations it hit, a page at a time", async () => {
    const page = await failedConversations(testDb(), { ...query("2026-03-10", "2026-03-11"), code: 4720 }, [A, B]);
    expect(page.conversations.map((c) => c.conversationId).sort()).toEqual(
      [groupConversationId, c2ConversationId].sort(),
    );
    expect(page.conversations[0]?.conversationId).toBe(c2ConversationId); // the latest failure first
    expect(page.nextCursor).toBeNull();
  });

  it("pages through the conversations of a code by the cursor, latest first, none twice", async () => {
    const E = await app.number(); // a number of its own: the figures above stay as they are
    await testPool().query(
      `WITH c AS (
         INSERT INTO conversations (id, owner_number, participants, participants_key, last_message_at, created_at, updated_at)
         SELECT gen_random_uuid(), $1, ARRAY[p], p, now(), now(), now()
         FROM generate_series(0, 54) AS i, LATERAL (SELECT '+1555074' || lpad(i::text, 4, '0') AS p) AS x
         RETURNING id, participants
       ), m AS (
         INSERT INTO messages (id, conversation_id, direction, "from", "to", status, created_at, updated_at)
         SELECT gen_random_uuid(), c.id, 'OUTBOUND', $1, c.participants, 'failed',
                '2026-03-10T12:00:00Z'::timestamptz + (right(c.participants[1], 2)::int || ' minutes')::interval, now()
         FROM c RETURNING id, "to", created_at
       )
       INSERT INTO message_recipients (message_id, phone_number, status, error_code, status_at, updated_at)
       SELECT m.id, m.to[1], 'failed', 4731, m.created_at, now() FROM m`,
      [E],
    );
    await rebuildRollups(testPool(), new Date("2026-03-01T00:00:00Z"), true);
    const range = { ...query("2026-03-10", "2026-03-11"), code: 4731 };
    const first = await failedConversations(testDb(), range, [E]);
    expect(first.conversations).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    const second = await failedConversations(testDb(), { ...range, cursor: first.nextCursor ?? "" }, [E]);
    expect(second.conversations).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const times = [...first.conversations, ...second.conversations].map((c) => c.lastFailedAt);
    expect(times).toEqual([...times].sort().reverse());
    const ids = [...first.conversations, ...second.conversations].map((c) => c.conversationId);
    expect(new Set(ids).size).toBe(55);
    await expect(failedConversations(testDb(), { ...range, cursor: "not-ours" }, [E])).rejects.toMatchObject({
      status: 400,
    });
  });

  it("follows a late callback at the next rebuild, once", async () => {
    const m4 = await testDb().message.findFirstOrThrow({ where: { to: { has: customers.c3 } } });
    const late = callback("message-delivered", m4, customers.c3, { carrierName: "US Cellular" });
    await deliver([late]);
    await deliver([late]);
    await rebuildRollups(testPool(), new Date("2026-03-01T00:00:00Z"), true);
    const report = await deliveryReport(testDb(), query("2026-03-10", "2026-03-11"), [A, B]);
    expect(report.totals).toMatchObject({ recipients: 7, delivered: 3, pending: 0, deliveryRate: 3 / 7 });
  });

  it("is for admins: an agent is refused the report and its drill-down", async () => {
    const someone = await agent("Cy Agent");
    await expect(loadDeliveryReport(testDb(), someone, query("2026-03-10", "2026-03-11"))).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      loadFailedConversations(testDb(), someone, { ...query("2026-03-10", "2026-03-11"), code: 4720 }),
    ).rejects.toMatchObject({ status: 403 });
    const admin = await agent("Di Admin", "ADMIN");
    const report = await loadDeliveryReport(testDb(), admin, query("2026-03-10", "2026-03-11", A));
    expect(report.totals.messagesSent).toBe(2);
  });
});
