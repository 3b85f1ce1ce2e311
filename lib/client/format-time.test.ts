import { describe, expect, it } from "vitest";
import { formatRelativeTime, formatWhen } from "./format-time";

const now = new Date("2026-11-22T12:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("relative time", () => {
  it("is compact at every scale", () => {
    expect(formatRelativeTime(ago(10), now)).toBe("just now");
    expect(formatRelativeTime(ago(5 * 60), now)).toBe("5 min");
    expect(formatRelativeTime(ago(3 * 3600), now)).toBe("3 h");
    expect(formatRelativeTime(ago(20 * 86_400), now)).toBe("Nov 2");
  });
});

describe("a moment ahead", () => {
  // Local times (the agent's own zone): Monday 30 November 2026, 2:15 PM.
  const monday = new Date(2026, 10, 30, 14, 15);

  it("is the time alone today", () => {
    expect(formatWhen(new Date(2026, 10, 30, 17, 15), monday)).toBe("5:15 PM");
  });

  it("names the weekday within the week", () => {
    expect(formatWhen(new Date(2026, 11, 1, 9, 0), monday)).toBe("Tue 9:00 AM");
    expect(formatWhen(new Date(2026, 11, 6, 9, 0), monday)).toBe("Sun 9:00 AM");
  });

  it("gives the date from a week on, and the year when it is another", () => {
    expect(formatWhen(new Date(2026, 11, 7, 9, 0), monday)).toBe("Dec 7, 9:00 AM");
    expect(formatWhen(new Date(2027, 0, 4, 9, 0), monday)).toBe("Jan 4, 2027, 9:00 AM");
  });

  it("uses plain spaces only", () => {
    expect(formatWhen(new Date(2026, 11, 1, 9, 0), monday)).not.toMatch(/[\u202f\u00a0]/);
  });
});
