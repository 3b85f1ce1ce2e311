import { describe, expect, it } from "vitest";
import { formatRelativeTime } from "./format-time";

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
