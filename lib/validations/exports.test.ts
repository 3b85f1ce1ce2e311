import { describe, expect, it } from "vitest";
import { createExportSchema, STALLED_AFTER_MS, toExportView } from "./exports";

const row = {
  id: "e1",
  kind: "messages_ndjson" as const,
  params: { from: "2026-11-01", to: "2026-11-30", tz: "UTC", number: null },
  status: "ready" as const,
  total: 10,
  rowsDone: 0,
  bytes: 0n,
  error: null,
  requester: { id: "u1", name: "Avery" },
  createdAt: new Date("2026-12-01T10:00:00Z"),
  startedAt: null,
  progressAt: null,
  finishedAt: null,
};

describe("exports contract", () => {
  it("names the bad kind, and takes the reports' range", () => {
    const bad = createExportSchema.safeParse({ kind: "xlsx", from: "2026-11-01", to: "2026-11-30" });
    expect(bad.error?.issues.map((issue) => issue.message)).toEqual(["kind: must be messages_csv or messages_ndjson"]);
    expect(createExportSchema.parse({ kind: "messages_csv", from: "2026-11-01", to: "2026-11-30" })).toEqual({
      kind: "messages_csv",
      from: "2026-11-01",
      to: "2026-11-30",
      tz: "UTC",
    });
  });

  it("offers the download only while ready, and calls a running export without progress stalled", () => {
    expect(toExportView(row).downloadUrl).toBe("/api/admin/exports/e1/download");
    const running = { ...row, status: "running" as const, progressAt: new Date("2026-12-01T10:01:00Z") };
    expect(toExportView(running, new Date("2026-12-01T10:01:30Z"))).toMatchObject({
      downloadUrl: null,
      stalled: false,
    });
    const later = new Date(running.progressAt.getTime() + STALLED_AFTER_MS + 1);
    expect(toExportView(running, later).stalled).toBe(true);
    expect(toExportView({ ...running, status: "done" }, later).stalled).toBe(false);
  });
});
