import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { PEER_ADDRESS_HEADER } from "./peer-address";

describe("client address for rate limiting", () => {
  it("without a trusted proxy, ignores forwarded headers and uses the connection's peer address", () => {
    for (const forwarded of ["203.0.113.9", "198.51.100.1, 10.0.0.2", "192.0.2.77"]) {
      expect(
        clientAddress(
          { "x-forwarded-for": forwarded, "x-real-ip": forwarded, [PEER_ADDRESS_HEADER]: "127.0.0.1" },
          false,
          true,
        ),
      ).toBe("127.0.0.1");
    }
  });

  it("without a trusted proxy or a peer address (not served by lib/runtime/serve.ts), shares one bucket", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, false)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "198.51.100.1" }, false)).toBe("unknown");
    expect(clientAddress({}, false)).toBe("unknown");
  });

  it("behind a trusted proxy, takes the address that proxy appended (the last hop)", () => {
    const headers = { "x-forwarded-for": "203.0.113.9, 10.0.0.2, 198.51.100.7", [PEER_ADDRESS_HEADER]: "10.0.0.1" };
    expect(clientAddress(headers, true)).toBe("198.51.100.7");
    expect(clientAddress({ "x-real-ip": "198.51.100.4", [PEER_ADDRESS_HEADER]: "10.0.0.1" }, true)).toBe(
      "198.51.100.4",
    );
    expect(clientAddress({ [PEER_ADDRESS_HEADER]: "10.0.0.1" }, true, true)).toBe("10.0.0.1");
  });
  it("does not believe the peer-address header where our server did not stamp it (next dev): a client could choose it", () => {
    expect(clientAddress({ [PEER_ADDRESS_HEADER]: "203.0.113.50" }, false, false)).toBe("unknown");
  });
});
