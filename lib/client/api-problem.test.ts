import { describe, expect, it } from "vitest";
import { apiProblemInWords, isNetworkFailure, UNREACHABLE } from "./api-problem";

describe("API problems in words", () => {
  it("names the field once, in the message's own words", () => {
    expect(
      apiProblemInWords("e164: e164: write the phone number in international (E.164) form, e.g. +19195550100"),
    ).toBe("Write the phone number in international (E.164) form, e.g. +19195550100.");
    expect(apiProblemInWords("to.0: must be E.164, e.g. +19195550100")).toBe("Must be E.164, e.g. +19195550100.");
  });

  it("keeps sentences that have no field, and joins several problems", () => {
    expect(apiProblemInWords("Refused: cross-site request.")).toBe("Refused: cross-site request.");
    expect(apiProblemInWords("name: required; label: at most 100 characters")).toBe(
      "Required. At most 100 characters.",
    );
  });

  it("says something useful when the answer had no message", () => {
    expect(apiProblemInWords("", 502)).toBe("Switchboard answered with an error (HTTP 502). Try again.");
    expect(apiProblemInWords("")).toBe(UNREACHABLE);
  });

  it("tells a network failure from an answer", () => {
    expect(isNetworkFailure(new TypeError("Failed to fetch"))).toBe(true);
    expect(isNetworkFailure(new DOMException("The user aborted a request.", "AbortError"))).toBe(false);
    expect(isNetworkFailure(new Error("boom"))).toBe(false);
  });
});
