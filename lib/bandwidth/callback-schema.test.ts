import { describe, expect, it } from "vitest";
import { specExamples } from "@/sandbox/testing/openapi";
import { parseCallback, readCallback } from "./callback-schema";

describe("callback elements", () => {
  it("accepts every official example of the spec", () => {
    for (const [name, example] of Object.entries(specExamples()).filter(([key]) => key.endsWith("CallbackExample"))) {
      const parsed = parseCallback(example.value);
      expect(["received", "status"], name).toContain(parsed.kind);
    }
  });

  it("keys duplicates by type, message id, recipient and time", () => {
    const event = {
      type: "message-delivered",
      time: "2024-09-14T18:20:11.160744Z",
      to: "+15555550001",
      description: "ok",
      message: {
        id: "m1",
        owner: "+1",
        time: "2024-09-14T18:20:11Z",
        direction: "out",
        to: ["+15555550001"],
        from: "+1",
      },
    };
    expect(parseCallback(event)).toMatchObject({
      kind: "status",
      dedupeKey: "message-delivered|m1|+15555550001|2024-09-14T18:20:11.160744Z",
    });
  });

  it("keeps unknown types apart without rejecting them", () => {
    expect(parseCallback({ type: "message-read", to: "+1", time: "t", message: { id: "m" } })).toMatchObject({
      kind: "other",
      type: "message-read",
    });
    expect(parseCallback({ type: "suggestion-response" })).toMatchObject({ kind: "other", dedupeKey: null });
  });

  it("rejects malformed elements with a reason", () => {
    expect(parseCallback(null)).toMatchObject({ kind: "rejected" });
    expect(parseCallback("text")).toMatchObject({ kind: "rejected" });
    expect(parseCallback({ type: "message-delivered", to: "+1" })).toMatchObject({
      kind: "rejected",
      reason: expect.stringMatching(/time|message/),
    });
  });

  it("never rejects a number for its format", () => {
    const event = {
      type: "message-failed",
      time: "2024-12-18T16:51:27.704450Z",
      to: "+52345678903",
      errorCode: 4432,
      description: "forbidden to country",
      message: {
        id: "m",
        owner: "alpha",
        time: "2024-12-18T16:51:27.704450Z",
        direction: "out",
        to: ["12", "+52345678903"],
        from: "ALPHA1",
      },
    };
    expect(parseCallback(event).kind).toBe("status");
  });

  it("bounds what would overflow an index or an integer column", () => {
    const event = (message: object, extra: object = {}) => ({
      type: "message-delivered",
      time: "2024-12-18T16:51:27Z",
      to: "+15555550001",
      ...extra,
      message: {
        id: "m",
        owner: "+1",
        time: "2024-12-18T16:51:27Z",
        direction: "out",
        to: ["+15555550001"],
        from: "+1",
        ...message,
      },
    });
    expect(parseCallback(event({})).kind).toBe("status");
    for (const [bad, path] of [
      [event({ id: "x".repeat(101) }), "message.id"],
      [event({ from: "9".repeat(25) }), "message.from"],
      [event({ to: Array.from({ length: 31 }, (_, i) => `+1555555${i}`) }), "message.to"],
      [event({ tag: "€".repeat(700) }), "message.tag"],
      [event({ segmentCount: 2 ** 31 }), "message.segmentCount"],
      [event({}, { errorCode: -(2 ** 40) }), "errorCode"],
    ] as const) {
      expect(parseCallback(bad)).toMatchObject({ kind: "rejected", reason: expect.stringContaining(path) });
    }
  });

  it("reads an element safely: cleaned strings, bounded depth", () => {
    const event = { type: "message-read", to: "+1\u0000", time: "t", message: { id: "m\ud800" } };
    expect(readCallback(event)).toMatchObject({
      payload: { to: "+1\ufffd", message: { id: "m\ufffd" } },
      parsed: { kind: "other", dedupeKey: "message-read|m\ufffd|+1\ufffd|t" },
    });
    let deep: unknown = {};
    for (let level = 0; level < 5_000; level += 1) deep = { deep };
    expect(readCallback({ type: "message-received", deep }).parsed).toMatchObject({
      kind: "rejected",
      reason: "nested deeper than 32 levels",
    });
  });
});
