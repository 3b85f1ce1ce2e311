import { describe, expect, it } from "vitest";
import { catchUpWindows, finalStatusOf, lostSendMatch, missedInbound, numberBatches } from "./catch-up-rules";

const HOUR = 3_600_000;

describe("catch-up rules", () => {
  it("looks back at most 14 days, up to each side's delay", () => {
    const now = new Date("2026-12-10T12:00:00Z");
    const windows = catchUpWindows(now, {
      outboundAfterMs: 6 * HOUR,
      inboundAfterMs: 25 * HOUR,
      lookbackMs: 30 * 24 * HOUR,
    });
    expect(windows.outbound).toEqual({ from: new Date("2026-11-26T12:00:00Z"), to: new Date("2026-12-10T06:00:00Z") });
    expect(windows.inbound.to).toEqual(new Date("2026-12-09T11:00:00Z"));
  });

  it("applies only final statuses, with their error code", () => {
    expect(finalStatusOf({ messageStatus: "DELIVERED", errorCode: 0 })).toEqual({ type: "message-delivered" });
    expect(finalStatusOf({ messageStatus: "UNDELIVERED", errorCode: 4720 })).toEqual({
      type: "message-failed",
      errorCode: 4720,
    });
    expect(finalStatusOf({ messageStatus: "FAILED", errorCode: 0 })).toEqual({
      type: "message-failed",
      errorCode: null,
    });
    expect(finalStatusOf({ messageStatus: "SENT", errorCode: 0 })).toBeNull();
    expect(finalStatusOf({ messageStatus: "QUEUED", errorCode: null })).toBeNull();
  });

  it("finds a lost send only when exactly one unknown message went to exactly its recipients", () => {
    const items = [
      { messageId: "a", destinationTn: "+1" },
      { messageId: "a", destinationTn: "+2" },
      { messageId: "b", destinationTn: "+1" },
      { messageId: "c", destinationTn: "+1" },
      { messageId: "c", destinationTn: "+2" },
    ];
    expect(lostSendMatch(items, ["+1"], new Set())).toBe("b");
    expect(lostSendMatch(items, ["+1", "+2"], new Set())).toBeNull(); // a and c: ambiguous
    expect(lostSendMatch(items, ["+2", "+1"], new Set(["c"]))).toBe("a");
    expect(lostSendMatch(items, ["+3"], new Set())).toBeNull();
  });

  it("names each inbound message we never stored once", () => {
    const items = [
      { messageId: "x", messageDirection: "INBOUND" as const },
      { messageId: "x", messageDirection: "INBOUND" as const },
      { messageId: "y", messageDirection: "INBOUND" as const },
      { messageId: "z", messageDirection: "OUTBOUND" as const },
    ];
    expect(missedInbound(items, new Set(["y"])).map((item) => item.messageId)).toEqual(["x"]);
  });

  it("asks for at most 10 numbers at once", () => {
    const numbers = Array.from({ length: 23 }, (_, index) => `+1555000${String(index).padStart(4, "0")}`);
    expect(numberBatches(numbers).map((batch) => batch.length)).toEqual([10, 10, 3]);
  });
});
