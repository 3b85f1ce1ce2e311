import { describe, expect, it } from "vitest";
import { agentFacingDetail } from "./media-view";

describe("media details agents see", () => {
  it("hide addresses and Bandwidth account ids, keep the reason", () => {
    expect(
      agentFacingDetail(
        "Not fetched: redirected to http://127.0.0.1:5432/: 127.0.0.1 is a private or loopback address. Only files on the Bandwidth media server are copied.",
      ),
    ).toBe(
      "Not fetched: redirected to [address]: 127.0.0.1 is a private or loopback address. Only files on the Bandwidth media server are copied.",
    );
    expect(
      agentFacingDetail("https://messaging.bandwidth.com/api/v2/users/9900001/media/x.jpg is not under the media base"),
    ).toBe("[address] is not under the media base");
    expect(agentFacingDetail("Bandwidth rejected the credentials for account 9900001")).toBe(
      "Bandwidth rejected the credentials for the account",
    );
    expect(agentFacingDetail("Still saving: Bandwidth answered HTTP 503; trying again.")).toBe(
      "Still saving: Bandwidth answered HTTP 503; trying again.",
    );
  });
});
