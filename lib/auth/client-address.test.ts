import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("client address for rate limiting", () => {
  const headers = { "x-forwarded-for": "203.0.113.9, 10.0.0.2, 127.0.0.1" };

  it("uses the nearest hop unless a proxy is trusted", () => {
    expect(clientAddress(headers, false)).toBe("127.0.0.1");
    expect(clientAddress(headers, true)).toBe("203.0.113.9");
  });

  it("falls back when no header is present", () => {
    expect(clientAddress({ "x-real-ip": "198.51.100.4" }, false)).toBe("198.51.100.4");
    expect(clientAddress({}, false)).toBe("unknown");
  });
});
