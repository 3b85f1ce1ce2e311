import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

describe("safe redirect after sign-in", () => {
  it("follows paths on this site", () => {
    expect(safeRedirectPath("/conversations/abc")).toBe("/conversations/abc");
    expect(safeRedirectPath("/admin?tab=numbers")).toBe("/admin?tab=numbers");
    expect(safeRedirectPath("/conversations#latest")).toBe("/conversations#latest");
  });

  it("follows an absolute URL on this site's origin, as a path", () => {
    expect(safeRedirectPath("https://inbox.example/admin", "https://inbox.example")).toBe("/admin");
    expect(safeRedirectPath("https://inbox.example.evil/admin", "https://inbox.example")).toBe("/conversations");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    // What `?callbackUrl=%2F%09%2Fevil.example` decodes to: browsers drop the tab, leaving //evil.example.
    decodeURIComponent("%2F%09%2Fevil.example"),
    "/\tevil",
    "/\t/evil.example",
    decodeURIComponent("%2Fconversations%0A"),
    "/conversations\r\nSet-Cookie: x=1",
    "/\u0000",
    "/\u007f/evil.example",
    "javascript:alert(1)",
    "http:evil.example",
    "",
    null,
    undefined,
    ["/admin", "/conversations"],
    42,
    "/sign-in",
    "/sign-in?callbackUrl=%2Fadmin",
    "/api/health",
  ])("refuses %j", (candidate) => {
    expect(safeRedirectPath(candidate)).toBe("/conversations");
  });
});
