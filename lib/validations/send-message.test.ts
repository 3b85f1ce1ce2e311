import { describe, expect, it } from "vitest";
import { checkRecipients, groupFromTollFreeProblem, sendMessageSchema } from "./send-message";

describe("send contract", () => {
  it("accepts one number or a list, and refuses unknown fields", () => {
    expect(sendMessageSchema.parse({ from: "+19195550100", to: "+15555550001", text: "hi" }).to).toBe("+15555550001");
    expect(sendMessageSchema.safeParse({ to: [], text: "hi" }).success).toBe(false);
    expect(sendMessageSchema.safeParse({ to: "+1", text: "x".repeat(2049) }).success).toBe(false);
    expect(sendMessageSchema.safeParse({ to: "+1", text: "hi", bcc: "x" }).success).toBe(false);
  });

  it("normalises recipients and keeps the sandbox's test numbers", () => {
    expect(checkRecipients(["(919) 555-0123", "+1 555 555 4432"], "+19195550100")).toMatchObject({
      ok: true,
      numbers: ["+19195550123", "+15555554432"],
    });
  });

  it.each([
    [[], "at least one"],
    [Array.from({ length: 11 }, (_, i) => `+1555555010${i}`), "at most 10"],
    [["+15555550001", "(555) 555-0001"], "listed twice"],
    [["12"], "not a phone number"],
    [["+19195550100"], "the number sending"],
  ])("refuses %j", (to, problem) => {
    const check = checkRecipients(to, "+19195550100");
    expect(check.ok).toBe(false);
    expect(check.ok ? "" : check.problem).toContain(problem);
  });

  it("explains why a toll-free number cannot text a group", () => {
    expect(groupFromTollFreeProblem("+18885550100", ["+15555550001", "+15555550002"])).toMatch(/toll-free/);
    expect(groupFromTollFreeProblem("+18885550100", ["+15555550001"])).toBeNull();
    expect(groupFromTollFreeProblem("+19195550100", ["+15555550001", "+15555550002"])).toBeNull();
  });
});
