import { describe, expect, it } from "vitest";
import {
  canAdminister,
  canManageOptOuts,
  canViewDeliveryReport,
  canViewTeamReport,
  canRecordConsent,
  canViewConsent,
  canManageSavedReply,
  canSeeSavedReply,
  canSendFrom,
  canUseInbox,
  canViewConversation,
  conversationScope,
  isInScope,
} from "./policies";

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

  it("shows agents the conversations of the numbers they may use, admins all", () => {
    const open = { allowAllAgents: true, agentIds: [] };
    const restricted = { allowAllAgents: false, agentIds: [agent.id] };
    expect(canViewConversation(agent, { number: open })).toBe(true);
    expect(canViewConversation(agent, { number: restricted })).toBe(true);
    expect(canViewConversation(otherAgent, { number: restricted })).toBe(false);
    expect(canViewConversation(admin, { number: restricted })).toBe(true);
    expect(canViewConversation(agent, { number: null })).toBe(false);
    expect(canViewConversation(admin, { number: null })).toBe(true);
    expect(canViewConversation({ ...admin, active: false }, { number: open })).toBe(false);
    expect(canViewConversation(null, { number: open })).toBe(false);
  });

  it("turns the rule into a scope over all our numbers", () => {
    const numbers = [
      { e164: "+19195550100", allowAllAgents: true, agentIds: [] },
      { e164: "+19195550101", allowAllAgents: false, agentIds: [agent.id] },
    ];
    expect(conversationScope(admin, numbers)).toEqual({ kind: "all" });
    expect(conversationScope(agent, numbers)).toEqual({ kind: "numbers", numbers: ["+19195550100", "+19195550101"] });
    const scope = conversationScope(otherAgent, numbers);
    expect(scope).toEqual({ kind: "numbers", numbers: ["+19195550100"] });
    expect(isInScope(scope, { ownerNumber: "+19195550101" })).toBe(false);
    expect(isInScope(scope, { ownerNumber: "+19195550100" })).toBe(true);
    expect(conversationScope(null, numbers)).toEqual({ kind: "none" });
    expect(isInScope({ kind: "none" }, { ownerNumber: "+19195550100" })).toBe(false);
  });

  it("shows team replies to everyone and a personal reply to its owner only", () => {
    const team = { ownerId: null };
    expect(canSeeSavedReply(agent, team)).toBe(true);
    expect(canSeeSavedReply(admin, team)).toBe(true);
    expect(canSeeSavedReply(agent, { ownerId: agent.id })).toBe(true);
    expect(canSeeSavedReply(otherAgent, { ownerId: agent.id })).toBe(false);
    expect(canSeeSavedReply(admin, { ownerId: agent.id })).toBe(false);
    expect(canSeeSavedReply({ ...agent, active: false }, { ownerId: agent.id })).toBe(false);
    expect(canSeeSavedReply(null, team)).toBe(false);
  });

  it("lets owners manage their personal replies and only admins the team's", () => {
    const team = { ownerId: null };
    expect(canManageSavedReply(admin, team)).toBe(true);
    expect(canManageSavedReply(agent, team)).toBe(false);
    expect(canManageSavedReply({ ...admin, active: false }, team)).toBe(false);
    expect(canManageSavedReply(agent, { ownerId: agent.id })).toBe(true);
    expect(canManageSavedReply(otherAgent, { ownerId: agent.id })).toBe(false);
    expect(canManageSavedReply(admin, { ownerId: agent.id })).toBe(false);
    expect(canManageSavedReply(admin, { ownerId: admin.id })).toBe(true);
    expect(canManageSavedReply({ ...agent, active: false }, { ownerId: agent.id })).toBe(false);
    expect(canManageSavedReply(null, { ownerId: agent.id })).toBe(false);
  });

  it("lets whoever may send from our number record consent by hand; admins always; nobody for a number not ours", () => {
    const restricted = { allowAllAgents: false, agentIds: [agent.id] };
    expect(canRecordConsent(agent, restricted)).toBe(true);
    expect(canRecordConsent(otherAgent, restricted)).toBe(false);
    expect(canRecordConsent(admin, restricted)).toBe(true);
    expect(canRecordConsent(admin, null)).toBe(false);
    expect(canRecordConsent({ ...agent, active: false }, { allowAllAgents: true, agentIds: [] })).toBe(false);
  });

  it("shows consent history to those who may see the number's conversations", () => {
    const restricted = { allowAllAgents: false, agentIds: [agent.id] };
    expect(canViewConsent(agent, restricted)).toBe(true);
    expect(canViewConsent(otherAgent, restricted)).toBe(false);
    expect(canViewConsent(admin, null)).toBe(true);
    expect(canViewConsent(agent, null)).toBe(false);
  });

  it("keeps the opt-out list and consent settings to active admins", () => {
    expect(canManageOptOuts(admin)).toBe(true);
    expect(canManageOptOuts(agent)).toBe(false);
    expect(canManageOptOuts({ ...admin, active: false })).toBe(false);
    expect(canManageOptOuts(null)).toBe(false);
  });

  it("shows the team report to everyone in the inbox and the delivery report to admins", () => {
    expect(canViewTeamReport(agent)).toBe(true);
    expect(canViewTeamReport(admin)).toBe(true);
    expect(canViewTeamReport({ ...agent, active: false })).toBe(false);
    expect(canViewTeamReport(null)).toBe(false);
    expect(canViewDeliveryReport(admin)).toBe(true);
    expect(canViewDeliveryReport(agent)).toBe(false);
    expect(canViewDeliveryReport({ ...admin, active: false })).toBe(false);
    expect(canViewDeliveryReport(null)).toBe(false);
  });
});
