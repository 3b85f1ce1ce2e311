import { describe, expect, it } from "vitest";
import { unreadBadge, unreadLabel } from "./unread-badge";

describe("unread badge", () => {
  it("stops at 99+", () => {
    expect(unreadBadge(1)).toBe("1");
    expect(unreadBadge(99)).toBe("99");
    expect(unreadBadge(100)).toBe("99+");
    expect(unreadLabel(99)).toBe("99 unread");
    expect(unreadLabel(100)).toBe("More than 99 unread");
  });
});
