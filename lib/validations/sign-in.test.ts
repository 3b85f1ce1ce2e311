import { describe, expect, it } from "vitest";
import { signInSchema } from "./sign-in";

describe("sign-in contract", () => {
  it("normalises the email", () => {
    expect(signInSchema.parse({ email: "  Admin@Example.COM ", password: "x" }).email).toBe("admin@example.com");
  });

  it.each([
    [{}, "Enter your email address"],
    [{ email: "not-an-email", password: "x" }, "Enter a valid email address"],
    [{ email: "a@b.co", password: "" }, "Enter your password"],
    [{ email: "a@b.co", password: 42 }, "Enter your password"],
    [{ email: "a@b.co", password: "x".repeat(1025) }, "That password is too long"],
  ])("explains bad input %#", (input, message) => {
    const result = signInSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
