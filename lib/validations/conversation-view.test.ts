import { describe, expect, it } from "vitest";
import { toConversationListItem } from "./conversation-view";

const row = (lastMessage: Parameters<typeof toConversationListItem>[0]["lastMessage"]) => ({
  id: "c1",
  ownerNumber: "+19195550100",
  isGroup: true,
  participants: ["+15555550101", "+15555550102", "+15555550103"],
  lastMessageAt: new Date("2026-11-30T12:00:00Z"),
  lastMessage,
  unread: 0,
  optedOut: false,
  status: "open" as const,
  snoozedUntil: null,
  assignee: null,
});

const last = {
  id: "m1",
  direction: "OUTBOUND" as const,
  text: "",
  origin: "SWITCHBOARD" as const,
  media: [] as Array<{ fileName: string; contentType: string | null }>,
  tally: { total: 3, delivered: 3, failed: 0 },
  status: "delivered" as const,
  createdAt: new Date("2026-11-30T12:00:00Z"),
};

describe("the list's preview of the last message", () => {
  it("says what a message without text was, leaving out MMS layout parts", () => {
    const media = [
      { fileName: "smil.xml", contentType: "application/smil" },
      { fileName: "a.png", contentType: "image/png" },
    ];
    expect(toConversationListItem(row({ ...last, media }), new Map()).lastMessage?.preview).toBe("Picture");
    expect(toConversationListItem(row({ ...last, origin: "EXTERNAL" }), new Map()).lastMessage?.preview).toBe(
      "No text — sent outside Switchboard",
    );
    expect(toConversationListItem(row({ ...last, text: "Hi" }), new Map()).lastMessage?.preview).toBe("Hi");
    const missed = { ...last, direction: "INBOUND" as const, missedCallback: true };
    expect(toConversationListItem(row(missed), new Map()).lastMessage?.preview).toBe(
      "Message missed — Bandwidth keeps no text",
    );
  });

  it("says a group message reached 2 of 3 instead of only that it failed", () => {
    const partly = { ...last, text: "Hi", status: "failed" as const, tally: { total: 3, delivered: 2, failed: 1 } };
    expect(toConversationListItem(row(partly), new Map()).lastMessage?.partialDelivery).toBe("Delivered to 2 of 3");
    expect(toConversationListItem(row(last), new Map()).lastMessage?.partialDelivery).toBeNull();
    const inbound = { ...partly, direction: "INBOUND" as const };
    expect(toConversationListItem(row(inbound), new Map()).lastMessage?.partialDelivery).toBeNull();
  });
});
