import { describe, expect, it } from "vitest";
import { formatPhoneNumber, normalisePhoneNumber } from "./phone-number";
import { isTollFreeNumber } from "./number-rules";

describe("phone numbers", () => {
  it("normalises what an agent types to E.164", () => {
    expect(normalisePhoneNumber("(919) 555-0100")).toEqual({ e164: "+19195550100", valid: true });
    expect(normalisePhoneNumber("+44 20 7946 0958")?.e164).toBe("+442079460958");
    expect(normalisePhoneNumber("+1 213 373 4253")).toEqual({ e164: "+12133734253", valid: true });
  });

  it("accepts the sandbox's possible-but-invalid test numbers", () => {
    expect(normalisePhoneNumber("+15555554432")).toEqual({ e164: "+15555554432", valid: false });
  });

  it("refuses what cannot be a number", () => {
    expect(normalisePhoneNumber("12")).toBeNull();
    expect(normalisePhoneNumber("hello")).toBeNull();
  });

  it("recognises toll-free numbers", () => {
    expect(isTollFreeNumber("+18005550100")).toBe(true);
    expect(isTollFreeNumber("+18885550100")).toBe(true);
    expect(isTollFreeNumber("+19195550100")).toBe(false);
    expect(isTollFreeNumber("+18105550100")).toBe(false);
  });

  it("formats for people", () => {
    expect(formatPhoneNumber("+19195550100")).toBe("(919) 555-0100");
    expect(formatPhoneNumber("+442079460958")).toBe("+44 20 7946 0958");
    expect(formatPhoneNumber("short")).toBe("short");
  });
});
