import { describe, expect, it } from "vitest";
import { mayRetryRecipient } from "./retry-rule";

describe("which failed recipients may be retried", () => {
  it("only failures the catalogue says a retry can help with", () => {
    expect(mayRetryRecipient({ status: "failed", errorCode: 5500 })).toBe(true);
    expect(mayRetryRecipient({ status: "failed", errorCode: 5620 })).toBe(true);
    expect(mayRetryRecipient({ status: "failed", errorCode: 4432 })).toBe(false);
    expect(mayRetryRecipient({ status: "failed", errorCode: null })).toBe(false);
    expect(mayRetryRecipient({ status: "unconfirmed", errorCode: 9902 })).toBe(false);
    expect(mayRetryRecipient({ status: "delivered", errorCode: null })).toBe(false);
  });
});
