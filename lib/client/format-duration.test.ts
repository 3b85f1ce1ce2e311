import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("uses at most two units, the largest first", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(12 * 60)).toBe("12 min");
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe("3 h 5 min");
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe("2 d 4 h");
  });

  it("drops a zero second unit and rounds to the unit shown", () => {
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(86_400)).toBe("1 d");
    expect(formatDuration(59.6)).toBe("1 min");
    expect(formatDuration(89)).toBe("1 min");
    expect(formatDuration(3599)).toBe("1 h");
    expect(formatDuration(86_399)).toBe("1 d");
    expect(formatDuration(2 * 86_400 + 4 * 3600 + 40 * 60)).toBe("2 d 5 h");
  });

  it("says a dash when nothing was measured", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(0)).toBe("0 s");
  });
});
