import { describe, expect, it } from "vitest";
import { canAdminister, canSendFrom, canUseInbox, canViewConversation, conversationScope } from "./policies";

const admin = { id: "a", role: "ADMIN", active: true } as const;
const agent = { id: "b", role: "AGENT", active: true } as const;
const otherAgent = { id: "c", role: "AGENT", active: true } as const;

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

  it("lets agents send from numbers open to all or naming them; admins from any", () => {
    const open = { allowAllAgents: true, agentIds: [] };
    const restricted = { allowAllAgents: false, agentIds: [agent.id] };
    expect(canSendFrom(agent, open)).toBe(true);
    expect(canSendFrom(agent, restricted)).toBe(true);
    expect(canSendFrom(otherAgent, restricted)).toBe(false);
    expect(canSendFrom(admin, restricted)).toBe(true);
    expect(canSendFrom({ ...agent, active: false }, open)).toBe(false);
    expect(canSendFrom(null, open)).toBe(false);
  });

  it("shows conversations to active users only", () => {
    const conversation = { ownerNumber: "+19195550100" };
    expect(canViewConversation(agent, conversation)).toBe(true);
    expect(canViewConversation(admin, conversation)).toBe(true);
    expect(canViewConversation({ ...agent, active: false }, conversation)).toBe(false);
    expect(canViewConversation(null, conversation)).toBe(false);
    expect(conversationScope(agent)).toEqual({ kind: "all" });
    expect(conversationScope(null)).toEqual({ kind: "none" });
  });
});
