import { describe, expect, it } from "vitest";
import {
  addDays,
  bucketLabel,
  csvFileName,
  presetOf,
  presetRange,
  readReportLocation,
  reportApiParams,
  reportSearch,
  todayIn,
} from "./report-location";

const today = "2026-11-18";

describe("ranges", () => {
  it("knows today in the viewer's zone", () => {
    const now = new Date("2026-12-01T03:00:00Z");
    expect(todayIn("UTC", now)).toBe("2026-12-01");
    expect(todayIn("America/New_York", now)).toBe("2026-11-30");
  });

  it("counts days across months and years", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("turns presets into from/to, both included", () => {
    expect(presetRange("today", today)).toEqual({ from: today, to: today });
    expect(presetRange("last-7-days", today)).toEqual({ from: "2026-11-12", to: today });
    expect(presetRange("last-30-days", today)).toEqual({ from: "2026-10-20", to: today });
    expect(presetRange("this-month", today)).toEqual({ from: "2026-11-01", to: today });
  });

  it("recognises a preset range, else custom", () => {
    expect(presetOf({ from: "2026-11-12", to: today }, today)).toBe("last-7-days");
    expect(presetOf({ from: "2026-11-02", to: today }, today)).toBe("custom");
  });
});

describe("the address", () => {
  it("reads a view and writes it back the same", () => {
    const params = new URLSearchParams("from=2026-11-01&to=2026-11-30&number=%2B19195550100&section=team");
    const location = readReportLocation(params, today, true);
    expect(location).toEqual({ from: "2026-11-01", to: "2026-11-30", number: "+19195550100", section: "team" });
    expect(readReportLocation(new URLSearchParams(reportSearch(location)), today, true)).toEqual(location);
  });

  it("falls back to the last 7 days and the delivery section for an admin", () => {
    for (const search of ["", "from=2026-11-30&to=2026-11-01", "from=2025-01-01&to=2026-11-30", "from=nope&to=x"]) {
      expect(readReportLocation(new URLSearchParams(search), today, true)).toEqual({
        from: "2026-11-12",
        to: today,
        number: null,
        section: "delivery",
      });
    }
  });

  it("gives an agent the team section whatever the link says", () => {
    expect(readReportLocation(new URLSearchParams("section=delivery"), today, false).section).toBe("team");
  });

  it("ignores a number that is not E.164", () => {
    expect(readReportLocation(new URLSearchParams("number=919555"), today, true).number).toBeNull();
  });

  it("writes the API's query with the time zone and extras", () => {
    const query = { from: "2026-11-01", to: "2026-11-02", tz: "Europe/Paris", number: "+19195550100" };
    expect(reportApiParams(query, { code: "4720", cursor: undefined })).toBe(
      "from=2026-11-01&to=2026-11-02&tz=Europe%2FParis&number=%2B19195550100&code=4720",
    );
  });
});

describe("names", () => {
  it("names a CSV after its table, its range and its number", () => {
    expect(csvFileName("delivery-error-codes", { from: "2026-11-01", to: "2026-11-30" })).toBe(
      "delivery-error-codes-2026-11-01-to-2026-11-30.csv",
    );
    expect(csvFileName("team-agents", { from: "2026-11-01", to: "2026-11-01", number: "+19195550100" })).toBe(
      "team-agents-2026-11-01-to-2026-11-01-19195550100.csv",
    );
  });

  it("names buckets in the viewer's zone", () => {
    expect(bucketLabel("2026-11-03T05:00:00.000Z", "day", "America/New_York")).toBe("2026-11-03");
    expect(bucketLabel("2026-11-03T05:00:00.000Z", "hour", "America/New_York")).toBe("2026-11-03 00:00");
    expect(bucketLabel("2026-11-03T14:00:00.000Z", "hour", "UTC")).toBe("2026-11-03 14:00");
  });
});
