import { describe, expect, it } from "vitest";
import {
  FEED_WINDOW_MS,
  feedStart,
  newestItems,
  preview,
  toMentionNotification,
  toMessageNotification,
} from "./notification-view";
import { notificationSettingsBody, toNotificationSettings } from "./notifications";

const now = new Date("2026-12-01T12:00:00Z");
const labels = new Map([["+19195550123", "Dana Whitfield"]]);
const conversationId = "7d1e0000-0000-4000-8000-000000000001";

const message = (overrides: Partial<Parameters<typeof toMessageNotification>[0]> = {}) =>
  toMessageNotification(
    {
      messageId: "m1",
      conversationId,
      from: "+19195550123",
      text: "Has my order shipped?",
      hasMedia: false,
      participants: ["+19195550123"],
      isGroup: false,
      assignedToViewer: true,
      createdAt: now,
      ...overrides,
    },
    labels,
  );

describe("the notification feed's window", () => {
  it("starts at `after`, at most 15 minutes back and never in the future; nothing without `after`", () => {
    expect(feedStart(undefined, now)).toBeNull();
    expect(feedStart(new Date("2026-12-01T11:59:00Z"), now)).toEqual(new Date("2026-12-01T11:59:00Z"));
    expect(feedStart(new Date("2026-12-01T08:00:00Z"), now)).toEqual(new Date(now.getTime() - FEED_WINDOW_MS));
    expect(feedStart(new Date("2026-12-01T13:00:00Z"), now)).toEqual(now);
  });

  it("keeps the newest items of both kinds, oldest first", () => {
    const at = (minute: number) => new Date(now.getTime() - minute * 60_000);
    const items = [
      message({ messageId: "old", createdAt: at(9) }),
      toMentionNotification(
        { noteId: "n", conversationId, authorName: "Avery", body: "x", participants: [], createdAt: at(1) },
        labels,
      ),
      message({ messageId: "new", createdAt: at(0) }),
      message({ messageId: "mid", createdAt: at(5) }),
    ];
    expect(newestItems(items, 3).map((item) => item.id)).toEqual(["message:mid", "mention:n", "message:new"]);
    expect(newestItems(items).map((item) => item.id)).toEqual([
      "message:old",
      "message:mid",
      "mention:n",
      "message:new",
    ]);
  });
});

describe("notification items", () => {
  it("a customer's message: the conversation's title, the text, one tag per conversation, its URL", () => {
    expect(message()).toEqual({
      id: "message:m1",
      kind: "message",
      conversationId,
      title: "Dana Whitfield",
      body: "Has my order shipped?",
      tag: `conversation:${conversationId}`,
      url: `/conversations/${conversationId}`,
      createdAt: now,
    });
    expect(message({ assignedToViewer: false }).title).toBe("Dana Whitfield · unassigned");
    expect(message({ text: "", hasMedia: true }).body).toBe("Sent an attachment");
  });

  it("in a group, says who wrote", () => {
    const group = message({
      participants: ["+19195550123", "+19195550132"],
      isGroup: true,
      from: "+19195550132",
      text: "Sunday works",
    });
    expect(group.title).toBe("Dana Whitfield, (919) 555-0132");
    expect(group.body).toBe("(919) 555-0132: Sunday works");
  });

  it("a mention: who mentioned the agent, where, and what they wrote", () => {
    const item = toMentionNotification(
      {
        noteId: "n1",
        conversationId,
        authorName: "Avery Admin",
        body: "@Sam Agent\ncan you call her back?",
        participants: ["+19195550123"],
        createdAt: now,
      },
      labels,
    );
    expect(item).toMatchObject({
      id: "mention:n1",
      kind: "mention",
      title: "Avery Admin mentioned you",
      body: "Dana Whitfield: @Sam Agent can you call her back?",
      tag: "note:n1",
    });
    expect(
      toMentionNotification({ ...item, noteId: "n2", authorName: null, body: "x", participants: [] }, labels).title,
    ).toBe("A former teammate mentioned you");
  });

  it("previews one line of at most 140 characters, never cutting a character in half", () => {
    expect(preview("  two\n\nlines  ")).toBe("two lines");
    const long = preview("😀".repeat(200));
    expect(Array.from(long)).toHaveLength(140);
    expect(long.endsWith("😀…")).toBe(true);
    expect(preview("a".repeat(140))).toBe("a".repeat(140));
  });
});

describe("notification settings", () => {
  it("map the user's columns, and the contract takes all four as booleans", () => {
    expect(
      toNotificationSettings({
        notifyAssigned: true,
        notifyUnassigned: false,
        notifyMentions: true,
        notifySound: false,
      }),
    ).toEqual({ assigned: true, unassigned: false, mentions: true, sound: false });
    expect(notificationSettingsBody.safeParse({ assigned: true, unassigned: true, mentions: true }).success).toBe(
      false,
    );
    expect(
      notificationSettingsBody.safeParse({ assigned: "yes", unassigned: true, mentions: true, sound: false }).success,
    ).toBe(false);
  });
});
