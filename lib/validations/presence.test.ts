import { describe, expect, it } from "vitest";
import { presenceAnnouncementSchema } from "./presence";

const TAB = "Ab3_-Ab3_-Ab3_-Ab3_-xy";

describe("a presence announcement", () => {
  it("takes a tab id and one of the three states", () => {
    for (const state of ["viewing", "typing", "left"]) {
      expect(presenceAnnouncementSchema.parse({ tabId: TAB, state })).toEqual({ tabId: TAB, state });
    }
  });

  it("refuses odd tab ids, unknown states and extra fields", () => {
    for (const tabId of ["short", "x".repeat(65), "has space in it, long enough", "ünïcödé-ünïcödé-ünïcödé", 12]) {
      expect(presenceAnnouncementSchema.safeParse({ tabId, state: "viewing" }).success, String(tabId)).toBe(false);
    }
    expect(presenceAnnouncementSchema.safeParse({ tabId: TAB, state: "away" }).success).toBe(false);
    expect(presenceAnnouncementSchema.safeParse({ tabId: TAB }).success).toBe(false);
    expect(presenceAnnouncementSchema.safeParse({ tabId: TAB, state: "viewing", userId: "x" }).success).toBe(false);
  });
});
