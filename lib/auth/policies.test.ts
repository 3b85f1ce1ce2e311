import { describe, expect, it } from "vitest";
import { canAdminister, canUseInbox } from "./policies";

const admin = { id: "a", role: "ADMIN", active: true } as const;
const agent = { id: "b", role: "AGENT", active: true } as const;

describe("policies", () => {
  it("lets active users use the inbox", () => {
    expect(canUseInbox(agent)).toBe(true);
    expect(canUseInbox(admin)).toBe(true);
    expect(canUseInbox({ ...agent, active: false })).toBe(false);
    expect(canUseInbox(null)).toBe(false);
  });

  it("lets only active admins administer", () => {
    expect(canAdminister(admin)).toBe(true);
    expect(canAdminister(agent)).toBe(false);
    expect(canAdminister({ ...admin, active: false })).toBe(false);
    expect(canAdminister(null)).toBe(false);
  });
});
