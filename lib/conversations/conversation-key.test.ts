import { describe, expect, it } from "vitest";
import { conversationIdentity, inboundIdentity } from "./conversation-key";

describe("conversation identity", () => {
  it("is the same whatever the order of participants", () => {
    const a = conversationIdentity("+19195550100", ["+15555550003", "+15555550001"]);
    const b = conversationIdentity("+19195550100", ["+15555550001", "+15555550003", "+15555550001"]);
    expect(a).toEqual(b);
    expect(a.participantsKey).toBe("+15555550001,+15555550003");
    expect(a.isGroup).toBe(true);
  });

  it("keeps an inbound group MMS as the group, not the sender's chat", () => {
    // A customer texts our two numbers and a friend: each of our numbers sees the whole group.
    const identity = inboundIdentity("+19195550100", "+15555550001", ["+19195550100", "+19195550101", "+15555550002"]);
    expect(identity?.participants).toEqual(["+15555550001", "+15555550002", "+19195550101"]);
    expect(identity?.isGroup).toBe(true);
  });

  it("makes a one-to-one inbound SMS a one-to-one conversation", () => {
    const identity = inboundIdentity("+19195550100", "+15555550001", ["+19195550100"]);
    expect(identity).toMatchObject({ participants: ["+15555550001"], isGroup: false });
  });

  it("refuses a conversation with nobody else", () => {
    expect(() => conversationIdentity("+19195550100", ["+19195550100"])).toThrow();
    expect(inboundIdentity("+19195550100", "+19195550100", ["+19195550100"])).toBeNull();
  });
});
