import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safe redirect after sign-in", () => {
  it("follows paths on this site", () => {
    expect(safeRedirectPath("/conversations/abc")).toBe("/conversations/abc");
    expect(safeRedirectPath("/admin?tab=numbers")).toBe("/admin?tab=numbers");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "",
    null,
    undefined,
    "/sign-in",
    "/api/health",
  ])("refuses %s", (candidate) => {
    expect(safeRedirectPath(candidate)).toBe("/conversations");
  });
});
