import { describe, expect, it } from "vitest";
import type { DeliveryReport, TeamReport } from "@/lib/validations/reports";
import {
  carriersTable,
  channelsTable,
  deliveryOverTimeTable,
  errorCodesTable,
  failedConversationsTable,
  kindsTable,
} from "./delivery-tables";
import { tableCsv } from "./report-table-model";
import { agentsTable, heatmapGrid, heatmapTable, numbersTable, volumeOverTimeTable } from "./team-tables";

const range = {
  from: "2026-11-01",
  to: "2026-11-02",
  tz: "America/New_York",
  number: null,
  granularity: "hour" as const,
};
const counts = { recipients: 4, delivered: 2, failed: 1, unconfirmed: 1, pending: 0, deliveryRate: 0.5 };

const delivery: DeliveryReport = {
  range,
  asOf: "2026-11-02T12:00:00.000Z",
  totals: { ...counts, messagesSent: 3, segmentsSent: 5 },
  overTime: [{ ...counts, bucket: "2026-11-01T04:00:00.000Z", messagesSent: 3 }],
  errorCodes: [
    {
      code: 4720,
      description: "rejected-carrier-rejected",
      meaning: "The carrier refused it.",
      retry: "no",
      count: 1,
      share: 0.5,
    },
    { code: 9902, description: null, meaning: "No receipt.", retry: "once", count: 1, share: 0.5 },
  ],
  carriers: [{ ...counts, carrier: "" }],
  kinds: [{ ...counts, kind: "group", messagesSent: 1 }],
  channels: [{ ...counts, channel: "MMS", messagesSent: 1, segmentsSent: 1 }],
};

describe("delivery tables", () => {
  it("names buckets in the viewer's zone, hour by hour for short ranges", () => {
    const table = deliveryOverTimeTable(delivery);
    expect(table.title).toBe("Delivery by hour");
    expect(tableCsv(table)).toBe(
      "\uFEFFHour,Messages sent,Recipients,Delivered,Failed,Unconfirmed,Pending,Delivery rate\r\n2026-11-01 00:00,3,4,2,1,1,0,50.0%\r\n",
    );
  });

  it("lists error codes with their meaning and share", () => {
    expect(errorCodesTable(delivery).rows).toEqual([
      ["4720", "rejected-carrier-rejected", "The carrier refused it.", "No", 1, { value: "50.0%", text: "50.0%" }],
      ["9902", "", "No receipt.", "Once", 1, { value: "50.0%", text: "50.0%" }],
    ]);
  });

  it("names the carrier callbacks did not name, and the kinds and channels in words", () => {
    expect(carriersTable(delivery).rows[0]?.[0]).toBe("Not named");
    expect(kindsTable(delivery).rows[0]?.slice(0, 2)).toEqual(["Group", 1]);
    expect(channelsTable(delivery).rows[0]?.slice(0, 3)).toEqual(["MMS", 1, 1]);
  });
});

const stats = { count: 2, medianSeconds: 90, p90Seconds: 3 * 3600 + 300 };
const team: TeamReport = {
  range: { ...range, granularity: "day" },
  asOf: null,
  volume: { inbound: 5, outbound: 4 },
  overTime: [{ bucket: "2026-11-01T04:00:00.000Z", inbound: 5, outbound: 4 }],
  firstResponse: { ...stats, unanswered: 1, closedWithoutReply: 3 },
  timeToClose: { count: 0, medianSeconds: null, p90Seconds: null },
  byAgent: [{ agentId: "a", name: "Sam Agent", outbound: 4, firstResponse: stats, timeToClose: stats }],
  byNumber: [
    {
      number: "+19195550100",
      label: "Support",
      inbound: 5,
      outbound: 4,
      firstResponse: { ...stats, unanswered: 1, closedWithoutReply: 3 },
      timeToClose: { count: 0, medianSeconds: null, p90Seconds: null },
    },
  ],
  heatmap: [
    { weekday: 0, hour: 9, inbound: 3 },
    { weekday: 6, hour: 23, inbound: 2 },
  ],
};

describe("team tables", () => {
  it("shows durations in words", () => {
    expect(agentsTable(team).rows).toEqual([["Sam Agent", 4, 2, "2 min", "3 h 5 min", 2, "2 min", "3 h 5 min"]]);
    expect(tableCsv(numbersTable(team)).split("\r\n")[1]).toBe("+19195550100,Support,5,4,2,2 min,3 h 5 min,1,3,0,—,—");
    expect(volumeOverTimeTable(team).rows).toEqual([["2026-11-01", 5, 4]]);
  });

  it("lays the heatmap out Monday first, every hour, missing cells 0", () => {
    const grid = heatmapGrid(team);
    expect(grid).toHaveLength(7);
    expect(grid[0]?.[9]).toBe(3);
    expect(grid[6]?.[23]).toBe(2);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(5);
    const table = heatmapTable(team);
    expect(table.columns.map((c) => c.header).slice(0, 3)).toEqual(["Weekday", "00:00", "01:00"]);
    expect(table.rows[6]?.[0]).toBe("Sunday");
    expect(table.rows[6]?.[24]).toBe(2);
  });
});

describe("the drill page's table", () => {
  it("keeps numbers and times exactly as they are", () => {
    const table = failedConversationsTable(
      4720,
      [
        {
          conversationId: "c1",
          ourNumber: "+19195550100",
          participants: ["+15555554720", "+15555550001"],
          isGroup: true,
          failures: 2,
          lastFailedAt: "2026-11-02T10:00:00.000Z",
        },
      ],
      "America/New_York",
    );
    expect(table.rows[0]?.[4]).toEqual({ value: "2026-11-02T10:00:00.000Z", text: "Nov 2, 2026, 5:00 AM" });
    expect(tableCsv(table)).toBe(
      "\uFEFFParticipants,Our number,Kind,Failures,Last failed\r\n+15555554720 +15555550001,+19195550100,Group,2,2026-11-02T10:00:00.000Z\r\n",
    );
  });
});
