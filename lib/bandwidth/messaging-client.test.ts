import { describe, expect, it } from "vitest";
import { TokenError } from "./credentials";
import { classify, describeRejection } from "./messaging-client";

describe("classifying Bandwidth's answers", () => {
  it("treats a refused token request as refused credentials, and an unreachable token endpoint as nothing sent", () => {
    expect(classify(new TokenError("refused", 401, "refused (invalid_client)"))).toEqual({
      kind: "unauthorized",
      status: 401,
      detail: "refused (invalid_client)",
    });
    expect(classify(new TokenError("unavailable", 503, "HTTP 503"))).toEqual({ kind: "retryable", detail: "HTTP 503" });
  });

  it("never treats a lost answer as safe to resend", () => {
    expect(classify({ code: "ECONNABORTED", message: "timeout of 15000ms exceeded" })).toMatchObject({
      kind: "unknown",
    });
    expect(classify({ code: "ECONNRESET" })).toMatchObject({ kind: "unknown" });
    expect(classify({ code: "ECONNREFUSED" })).toMatchObject({ kind: "retryable" });
  });

  it("sorts HTTP answers", () => {
    expect(classify({ response: { status: 401 } })).toMatchObject({ kind: "unauthorized", status: 401 });
    expect(classify({ response: { status: 403 } })).toMatchObject({ kind: "unauthorized", status: 403 });
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
