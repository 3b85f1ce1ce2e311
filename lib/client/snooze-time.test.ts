import { describe, expect, it } from "vitest";
import { customSnoozeProblem, parseLocalDateTime, toLocalDateTimeValue } from "./snooze-time";

const now = new Date(2026, 10, 30, 14, 15, 0);

describe("custom snooze time", () => {
  it("reads a datetime-local value in local time, with or without seconds", () => {
    expect(parseLocalDateTime("2026-12-01T09:00")).toEqual(new Date(2026, 11, 1, 9, 0, 0));
    expect(parseLocalDateTime("2026-12-01T09:00:07")).toEqual(new Date(2026, 11, 1, 9, 0, 7));
  });

  it("refuses what is not a real moment", () => {
    expect(parseLocalDateTime("")).toBeNull();
    expect(parseLocalDateTime("tomorrow")).toBeNull();
    expect(parseLocalDateTime("2026-02-31T09:00")).toBeNull();
    expect(parseLocalDateTime("2026-12-01 09:00")).toBeNull();
  });

  it("writes a moment back as the input's value, to the minute", () => {
    expect(toLocalDateTimeValue(new Date(2026, 0, 5, 7, 3, 59))).toBe("2026-01-05T07:03");
    expect(parseLocalDateTime(toLocalDateTimeValue(now))).toEqual(now);
  });

  it("says what is wrong in words", () => {
    expect(customSnoozeProblem("", now)).toBe("Choose a date and a time.");
    expect(customSnoozeProblem("2026-13-01T09:00", now)).toBe("That is not a date and time.");
    expect(customSnoozeProblem("2026-11-30T14:15", now)).toBe("Choose a time in the future.");
    expect(customSnoozeProblem("2028-01-01T09:00", now)).toBe("Snooze for at most a year.");
    expect(customSnoozeProblem("2026-11-30T14:15:05", now)).toBeNull();
    expect(customSnoozeProblem("2026-12-01T09:00", now)).toBeNull();
  });
});
