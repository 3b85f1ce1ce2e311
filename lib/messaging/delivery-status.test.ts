import { describe, expect, it } from "vitest";
import { isFinal, summariseStatus } from "./delivery-status";

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
