import { describe, expect, it } from "vitest";
import { daysBetween, failuresQuerySchema, granularityOf, reportQuerySchema } from "./reports";

const problems = (input: Record<string, string>) => {
  const result = reportQuerySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe("the reports' query", () => {
  it("takes two days, a time zone and maybe one of our numbers", () => {
    expect(
      reportQuerySchema.parse({ from: "2026-11-01", to: "2026-11-30", tz: "Europe/Berlin", number: "+19195550100" }),
    ).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      tz: "Europe/Berlin",
      number: "+19195550100",
    });
    expect(reportQuerySchema.parse({ from: "2026-11-01", to: "2026-11-01" }).tz).toBe("UTC");
  });

  it("names what is wrong with hostile or mistaken input", () => {
    expect(problems({ from: "yesterday", to: "2026-11-30" })).toEqual(["from: must be a real day, YYYY-MM-DD"]);
    expect(problems({ from: "2026-02-31", to: "2026-03-01" })[0]).toBe("from: must be a real day, YYYY-MM-DD");
    expect(problems({ from: "2026-11-30", to: "2026-11-01" })).toEqual(["from: must not be after to"]);
    expect(problems({ from: "2024-01-01", to: "2026-11-30" })).toEqual(["to: a range covers at most 367 days"]);
    expect(problems({ from: "2026-11-01", to: "2026-11-30", tz: "Mars/Olympus" })[0]).toMatch(/tz: not a time zone/);
    expect(problems({ from: "2026-11-01", to: "2026-11-30", tz: "x".repeat(65) })[0]).toMatch(/tz: at most 64/);
    expect(problems({ from: "2026-11-01", to: "2026-11-30", number: "'; DROP TABLE messages" })[0]).toMatch(/number:/);
    expect(problems({ from: "2026-11-01" })).toHaveLength(1);
  });

  it("wants an error code for the drill-down", () => {
    const base = { from: "2026-11-01", to: "2026-11-30" };
    expect(failuresQuerySchema.parse({ ...base, code: "4720" }).code).toBe(4720);
    expect(failuresQuerySchema.safeParse({ ...base, code: "4720x" }).success).toBe(false);
    expect(failuresQuerySchema.safeParse({ ...base, code: "-1" }).success).toBe(false);
    expect(failuresQuerySchema.safeParse({ ...base, code: "1e9" }).success).toBe(false);
    expect(failuresQuerySchema.safeParse(base).success).toBe(false);
  });

  it("goes hour by hour for two days or less", () => {
    expect(daysBetween("2026-11-01", "2026-11-30")).toBe(29);
    expect(granularityOf({ from: "2026-11-01", to: "2026-11-02" })).toBe("hour");
    expect(granularityOf({ from: "2026-11-01", to: "2026-11-03" })).toBe("day");
  });
});
