import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageOrigin } from "@/lib/generated/prisma/enums";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { agent, conversation, message, query } from "@/lib/testing/report-fixtures";
import { reportQuerySchema } from "@/lib/validations/reports";
import { loadTeamReport } from "./reports";
import { rebuildRollups, refreshRollups } from "./rollup";
import { NO_AGENT, teamReport } from "./team-report";

// The team report on a hand-built data set: known waits, closings and volume, time zones and who sees
// which numbers.

let app: TestApplication;
afterAll(async () => {
  await testDb().$disconnect();
  await closeTestPool();
});

describe("the team report", () => {
  let C = "";
  let D = "";
  let ada = { id: "" };
  let bo = { id: "" };

  beforeAll(async () => {
    app = await testApplication();
    C = await app.number();
    D = await app.number();
    const [x1, y1] = [uniqueNumber(), uniqueNumber()];
    ada = await agent("Ada Team");
    bo = await agent("Bo Team");
    // C is only for Ada and Bo; D is every agent's.
    await testDb().phoneNumber.update({
      where: { e164: C },
      data: { allowAllAgents: false, agents: { create: [{ userId: ada.id }, { userId: bo.id }] } },
    });

    const t1 = await conversation(C, [x1], new Date("2026-04-01T08:00:00Z"));
    const t2 = await conversation(D, [y1], new Date("2026-04-05T09:00:00Z"));
    const send = (c: typeof t1, at: string, by?: string, origin?: MessageOrigin) =>
      message({ conversation: c, direction: "OUTBOUND", at, sentById: by, origin });
    const receive = (c: typeof t1, at: string, fromOurLine = false) =>
      message({ conversation: c, direction: "INBOUND", at, fromOurLine });
    // Waits: 600 s (Ada), 1,800 s (Bo; the automatic reply does not count), 1,200 s (sent outside
    // Switchboard), one unanswered; 7,200 s (Ada) on D.
    await receive(t1, "2026-04-01T08:00:00Z");
    await receive(t1, "2026-04-01T08:05:00Z");
    await send(t1, "2026-04-01T08:10:00Z", ada.id);
    await receive(t1, "2026-04-02T10:00:00Z");
    await send(t1, "2026-04-02T10:00:05Z", undefined, "AUTOMATIC");
    await send(t1, "2026-04-02T10:30:00Z", bo.id);
    await receive(t1, "2026-04-03T09:00:00Z");
    await send(t1, "2026-04-03T09:20:00Z", undefined, "EXTERNAL");
    await receive(t1, "2026-04-04T09:00:00Z");
    await receive(t1, "2026-04-04T10:00:00Z", true); // another of our lines: not a customer
    await receive(t2, "2026-04-05T09:00:00Z");
    await send(t2, "2026-04-05T11:00:00Z", ada.id);
    // Closings: 3,600 s (Ada), reopened by the customer then 3,600 s (Bo), 86,400 s (Ada on D).
    await testDb().conversationActivity.createMany({
      data: [
        { conversationId: t1.id, kind: "closed", actorId: ada.id, createdAt: new Date("2026-04-01T09:00:00Z") },
        {
          conversationId: t1.id,
          kind: "reopened",
          reason: "customer message",
          createdAt: new Date("2026-04-02T10:00:00Z"),
        },
        { conversationId: t1.id, kind: "closed", actorId: bo.id, createdAt: new Date("2026-04-02T11:00:00Z") },
        { conversationId: t2.id, kind: "closed", actorId: ada.id, createdAt: new Date("2026-04-06T09:00:00Z") },
      ],
    });
    await rebuildRollups(testPool(), new Date("2026-04-01T00:00:00Z"), true);
    await rebuildRollups(testPool(), null, true); // all of history gives the same figures
  });

  it("measures first responses: median and 90th percentile, per agent and per number", async () => {
    const report = await teamReport(testDb(), query("2026-04-01", "2026-04-30"), [C, D]);
    expect(report.firstResponse).toEqual({
      count: 4,
      medianSeconds: 1500,
      p90Seconds: 5580,
      unanswered: 1,
      closedWithoutReply: 0,
    });
    const byAgent = new Map(report.byAgent.map((row) => [row.name, row]));
    expect(byAgent.get("Ada Team")?.firstResponse).toEqual({ count: 2, medianSeconds: 3900, p90Seconds: 6540 });
    expect(byAgent.get("Bo Team")?.firstResponse).toEqual({ count: 1, medianSeconds: 1800, p90Seconds: 1800 });
    expect(byAgent.get(NO_AGENT)?.firstResponse).toEqual({ count: 1, medianSeconds: 1200, p90Seconds: 1200 });
    const byNumber = new Map(report.byNumber.map((row) => [row.number, row]));
    expect(byNumber.get(C)?.firstResponse).toEqual({
      count: 3,
      medianSeconds: 1200,
      p90Seconds: 1680,
      unanswered: 1,
      closedWithoutReply: 0,
    });
    expect(byNumber.get(D)?.firstResponse).toEqual({
      count: 1,
      medianSeconds: 7200,
      p90Seconds: 7200,
      unanswered: 0,
      closedWithoutReply: 0,
    });
  });

  it("measures time to close from each opening", async () => {
    const report = await teamReport(testDb(), query("2026-04-01", "2026-04-30"), [C, D]);
    expect(report.timeToClose).toEqual({ count: 3, medianSeconds: 3600, p90Seconds: 69840 });
    const byAgent = new Map(report.byAgent.map((row) => [row.name, row]));
    expect(byAgent.get("Ada Team")?.timeToClose).toEqual({ count: 2, medianSeconds: 45000, p90Seconds: 78120 });
    expect(byAgent.get("Bo Team")?.timeToClose).toEqual({ count: 1, medianSeconds: 3600, p90Seconds: 3600 });
  });

  it("counts volume, per agent, per number and by weekday and hour", async () => {
    const report = await teamReport(testDb(), query("2026-04-01", "2026-04-30"), [C, D]);
    expect(report.volume).toEqual({ inbound: 6, outbound: 5 });
    const byAgent = new Map(report.byAgent.map((row) => [row.name, row.outbound]));
    expect(Object.fromEntries(byAgent)).toEqual({ "Ada Team": 2, "Bo Team": 1, [NO_AGENT]: 2 });
    expect(report.byNumber.map(({ number, inbound, outbound }) => ({ number, inbound, outbound }))).toEqual(
      [
        { number: C, inbound: 5, outbound: 4 },
        { number: D, inbound: 1, outbound: 1 },
      ].sort((a, b) => a.number.localeCompare(b.number)),
    );
    expect(report.heatmap).toHaveLength(168);
    // 1 April 2026 is a Wednesday (2, counting from Monday): two messages between 8 and 9.
    expect(report.heatmap.find((cell) => cell.weekday === 2 && cell.hour === 8)?.inbound).toBe(2);
    expect(report.heatmap.reduce((sum, cell) => sum + cell.inbound, 0)).toBe(6);
    expect(report.overTime).toHaveLength(30);
    expect(report.overTime[0]).toEqual({ bucket: "2026-04-01T00:00:00.000Z", inbound: 2, outbound: 1 });
  });

  it("reads days in the viewer's time zone", async () => {
    const report = await teamReport(
      testDb(),
      reportQuerySchema.parse({ from: "2026-04-01", to: "2026-04-01", tz: "America/Los_Angeles" }),
      [C, D],
    );
    // 08:00–08:10 UTC on 1 April is 01:00–01:10 in Los Angeles, the same day.
    expect(report.volume).toEqual({ inbound: 2, outbound: 1 });
    expect(report.overTime.find((b) => b.bucket === "2026-04-01T08:00:00.000Z")).toEqual({
      bucket: "2026-04-01T08:00:00.000Z",
      inbound: 2,
      outbound: 1,
    });
  });

  it("shows an agent only the numbers they may see", async () => {
    const outsider = await agent("Eve Outsider");
    const range = query("2026-04-01", "2026-04-30");
    const mine = await loadTeamReport(testDb(), outsider, range);
    expect(mine.byNumber.map((row) => row.number)).not.toContain(C);
    expect(mine.byNumber.find((row) => row.number === D)?.inbound).toBe(1);
    await expect(loadTeamReport(testDb(), outsider, query("2026-04-01", "2026-04-30", C))).rejects.toMatchObject({
      status: 404,
    });
    const ada2 = await testDb().user.findUniqueOrThrow({
      where: { id: ada.id },
      select: { id: true, role: true, active: true },
    });
    const adas = await loadTeamReport(testDb(), ada2, query("2026-04-01", "2026-04-30", C));
    expect(adas.volume).toEqual({ inbound: 5, outbound: 4 });
  });
  it("(last: it closes a conversation) counts a wait a closing ended without a reply apart, once the next run sees the closing", async () => {
    const t1 = await testDb().conversation.findFirstOrThrow({ where: { ownerNumber: C } });
    await testDb().conversationActivity.create({
      data: { conversationId: t1.id, kind: "closed", actorId: bo.id, createdAt: new Date("2026-04-04T12:00:00Z") },
    });
    // The closing is the only change: the run must find the conversation through it.
    await rebuildRollups(testPool(), new Date("2026-04-04T11:00:00Z"), true);
    const report = await teamReport(testDb(), query("2026-04-01", "2026-04-30"), [C, D]);
    expect(report.firstResponse).toMatchObject({ count: 4, unanswered: 0, closedWithoutReply: 1 });
    expect(report.timeToClose.count).toBe(4);
  });

  it("refreshes as the job does: the window after a full run, then vacuums so reads stay index-only", async () => {
    const run = await refreshRollups(testPool(), { windowHours: 96, wait: true });
    expect(run.skipped).toBe(false);
    expect(run.since).not.toBeNull(); // a full run happened above
    const { rows } = await testPool().query<{ vacuumed: boolean }>(
      "SELECT last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables WHERE relname = 'report_waits'",
    );
    expect(rows[0]?.vacuumed).toBe(true);
    const report = await teamReport(testDb(), query("2026-04-01", "2026-04-30"), [C, D]);
    expect(report.firstResponse.count).toBe(4);
  });
});
