import { describe, expect, it } from "vitest";
import { statusOfEvent, transition } from "./status-transition";

describe("recipient status transitions", () => {
  it("moves forward only", () => {
    expect(transition("queued", "accepted")).toEqual({ change: true });
    expect(transition("accepted", "sent")).toEqual({ change: true });
    expect(transition("sending", "delivered")).toEqual({ change: true });
    expect(transition("sent", "sending")).toMatchObject({ change: false, outcome: "superseded" });
    expect(transition("sent", "sent")).toMatchObject({ change: false, outcome: "superseded" });
  });

  it("lets callbacks confirm a send whose answer was lost", () => {
    expect(transition("unconfirmed", "sent")).toEqual({ change: true });
    expect(transition("unconfirmed", "delivered")).toEqual({ change: true });
  });

  it("keeps the first final status and logs a contradicting one", () => {
    expect(transition("delivered", "failed")).toMatchObject({ change: false, outcome: "conflict" });
    expect(transition("failed", "delivered")).toMatchObject({ change: false, outcome: "conflict" });
    expect(transition("delivered", "sent")).toMatchObject({ change: false, outcome: "superseded" });
    expect(transition("delivered", "delivered")).toMatchObject({ change: false, outcome: "superseded" });
  });

  it("maps event types to statuses", () => {
    expect(statusOfEvent("message-sending")).toBe("sending");
    expect(statusOfEvent("message-failed")).toBe("failed");
    expect(() => statusOfEvent("message-read")).toThrow();
  });
});
