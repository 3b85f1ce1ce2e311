import { describe, expect, it } from "vitest";
import { classify, describeRejection } from "./messaging-client";

describe("classifying Bandwidth's answers", () => {
  it("never treats a lost answer as safe to resend", () => {
    expect(classify({ code: "ECONNABORTED", message: "timeout of 15000ms exceeded" })).toMatchObject({
      kind: "unknown",
    });
    expect(classify({ code: "ECONNRESET" })).toMatchObject({ kind: "unknown" });
    expect(classify({ code: "ECONNREFUSED" })).toMatchObject({ kind: "retryable" });
  });

  it("sorts HTTP answers", () => {
    expect(classify({ response: { status: 401 } })).toEqual({ kind: "unauthorized", status: 401 });
    expect(classify({ response: { status: 403 } })).toEqual({ kind: "unauthorized", status: 403 });
    expect(classify({ response: { status: 503, data: { description: "down" } } })).toMatchObject({
      kind: "retryable",
      detail: "Bandwidth answered 503: down",
    });
    expect(
      classify({ response: { status: 429, headers: { "retry-after": "7" }, data: { description: "queue full" } } }),
    ).toEqual({ kind: "rate-limited", retryAfterMs: 7000, detail: "queue full" });
    expect(classify({ response: { status: 429 } })).toMatchObject({ kind: "rate-limited", retryAfterMs: null });
    expect(
      classify({
        response: {
          status: 400,
          data: {
            description: "Your request could not be accepted",
            fieldErrors: [{ fieldName: "to", description: "bad number" }],
          },
        },
      }),
    ).toEqual({
      kind: "rejected",
      detail: "Your request could not be accepted — to: bad number",
    });
  });

  it("words a rejection without field errors", () => {
    expect(describeRejection(404, {})).toBe("Bandwidth refused the message (HTTP 404)");
  });
});
