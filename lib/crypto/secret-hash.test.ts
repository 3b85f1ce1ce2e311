import { describe, expect, it } from "vitest";
import { hashRandomSecret, matchesRandomSecret } from "./secret-hash";

describe("random secret hash", () => {
  it("matches only the same secret and does not contain it", () => {
    const stored = hashRandomSecret("k3Q9-long-random-callback-password");
    expect(stored).not.toContain("k3Q9");
    expect(matchesRandomSecret("k3Q9-long-random-callback-password", stored)).toBe(true);
    expect(matchesRandomSecret("k3Q9-long-random-callback-passwore", stored)).toBe(false);
    expect(matchesRandomSecret("", stored)).toBe(false);
    expect(matchesRandomSecret("x", "garbage")).toBe(false);
  });
});
