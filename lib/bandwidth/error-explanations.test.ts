import { describe, expect, it } from "vitest";
import catalogue from "./error-codes.json";
import { explainError, retryCanHelp } from "./error-explanations";

describe("error explanations", () => {
  it("explains every code of Bandwidth's catalogue with an action", () => {
    for (const entry of catalogue) {
      const explained = explainError(entry.code);
      expect(explained.title.length, String(entry.code)).toBeGreaterThan(3);
      expect(explained.action.length, String(entry.code)).toBeGreaterThan(20);
    }
  });

  it("says a forbidden-country failure will not go through on retry", () => {
    expect(explainError(4432)).toMatchObject({
      title: "Messaging to country forbidden",
      retry: "no",
      unconfirmed: false,
    });
  });

  it("shows 9902 as delivery unconfirmed, not as a failure", () => {
    expect(explainError(9902)).toMatchObject({
      title: "Delivery unconfirmed",
      unconfirmed: true,
      action: expect.stringMatching(/may well have arrived/),
    });
  });

  it("tells a carrier's temporary failure from Bandwidth's", () => {
    expect(explainError(5600).retry).toBe("once");
    expect(explainError(catalogue.find((entry) => entry.retryable === true)?.code).retry).toBe("yes");
  });

  it("copes with unknown codes", () => {
    expect(explainError(1234, "mystery")).toMatchObject({ title: "Not delivered (mystery)", retry: "unknown" });
    expect(explainError(null)).toMatchObject({ title: "Not delivered" });
  });
});

describe("when a retry is offered", () => {
  it("offers it where the catalogue says a retry can help, and nowhere else", () => {
    expect(retryCanHelp(explainError(5500))).toBe(true);
    expect(retryCanHelp(explainError(5600))).toBe(true);
    expect(retryCanHelp(explainError(4432))).toBe(false);
    expect(retryCanHelp(explainError(4720))).toBe(false);
    expect(retryCanHelp(explainError(9902))).toBe(false);
    expect(retryCanHelp(explainError(123456))).toBe(false);
  });

  it("matches the catalogue's retryable flag for every code", () => {
    for (const entry of catalogue) {
      expect(retryCanHelp(explainError(entry.code)), String(entry.code)).toBe(
        entry.retryable === true || entry.retryable === "once",
      );
    }
  });
});
