import { describe, expect, it } from "vitest";
import { isFinal, partialDeliveryLabel, summariseStatus, tallyRecipients } from "./delivery-status";

describe("delivery status summary", () => {
  it("is the least advanced recipient's status", () => {
    expect(summariseStatus([{ status: "delivered" }, { status: "sent" }, { status: "delivered" }])).toBe("sent");
    expect(summariseStatus([{ status: "delivered" }, { status: "delivered" }])).toBe("delivered");
    expect(summariseStatus([{ status: "accepted" }, { status: "sending" }])).toBe("accepted");
  });

  it("is failed as soon as any recipient failed", () => {
    expect(summariseStatus([{ status: "delivered" }, { status: "failed" }])).toBe("failed");
  });

  it("is queued with no recipients yet", () => {
    expect(summariseStatus([])).toBe("queued");
  });

  it("knows the final statuses", () => {
    expect(isFinal("delivered")).toBe(true);
    expect(isFinal("failed")).toBe(true);
    expect(isFinal("sent")).toBe(false);
  });
});

describe("partial delivery", () => {
  it("says how many of a group got it when some did and some did not", () => {
    const tally = tallyRecipients([{ status: "delivered" }, { status: "failed" }, { status: "delivered" }]);
    expect(tally).toEqual({ total: 3, delivered: 2, failed: 1 });
    expect(partialDeliveryLabel(tally)).toBe("Delivered to 2 of 3");
  });

  it("is not partial when nobody failed, nobody got it, or there is one recipient", () => {
    expect(partialDeliveryLabel(tallyRecipients([{ status: "delivered" }, { status: "sent" }]))).toBeNull();
    expect(partialDeliveryLabel(tallyRecipients([{ status: "failed" }, { status: "failed" }]))).toBeNull();
    expect(partialDeliveryLabel(tallyRecipients([{ status: "failed" }]))).toBeNull();
    expect(partialDeliveryLabel({ total: 0, delivered: 0, failed: 0 })).toBeNull();
  });

  it("counts an unconfirmed recipient with the failed ones", () => {
    expect(partialDeliveryLabel(tallyRecipients([{ status: "delivered" }, { status: "unconfirmed" }]))).toBe(
      "Delivered to 1 of 2",
    );
  });
});
