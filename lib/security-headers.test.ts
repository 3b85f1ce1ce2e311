import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./security-headers";

describe("the pages' Content-Security-Policy", () => {
  it("runs only scripts with this response's nonce, and upgrades requests only over https", () => {
    const policy = contentSecurityPolicy("abc123", { dev: false, https: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(contentSecurityPolicy("n", { dev: true, https: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests/);
  });
});
