import { describe, expect, it } from "vitest";
import { MAX_AT_ONCE, OVERLAP_MS, feedAfter, planNotifications } from "./desktop-notifier";
import type { NotificationItem } from "./types";

const item = (id: string, conversationId = "c1"): NotificationItem => ({
  id,
  kind: "message",
  conversationId,
  title: "Dana Whitfield",
  body: "hi",
  tag: `conversation:${conversationId}`,
  url: `/conversations/${conversationId}`,
  createdAt: "2026-12-01T12:00:00.000Z",
});

describe("asking the feed", () => {
  it("goes back a little before the last answer, never before the first one", () => {
    const since = Date.parse("2026-12-01T12:00:00Z");
    expect(feedAfter(since, since + 10_000)).toEqual(new Date(since));
    const later = since + 60 * 60_000;
    expect(feedAfter(since, later)).toEqual(new Date(later - OVERLAP_MS));
  });
});

describe("which items become notifications", () => {
  it("only those not seen before, and all of them count as seen now", () => {
    const plan = planNotifications([item("a"), item("b"), item("c")], new Set(["a"]), null);
    expect(plan.show.map((shown) => shown.id)).toEqual(["b", "c"]);
    expect(plan.more).toBe(0);
    expect(plan.seen).toEqual(["b", "c"]);
  });

  it("none about the conversation the agent is looking at (yet seen, so not shown later)", () => {
    const plan = planNotifications([item("a", "open"), item("b", "other")], new Set(), "open");
    expect(plan.show.map((shown) => shown.id)).toEqual(["b"]);
    expect(plan.seen).toEqual(["a", "b"]);
  });

  it(`at most ${MAX_AT_ONCE} at once, the newest; the rest as a number`, () => {
    const items = ["1", "2", "3", "4", "5"].map((id) => item(id, `c${id}`));
    const plan = planNotifications(items, new Set(), null);
    expect(plan.show.map((shown) => shown.id)).toEqual(["3", "4", "5"]);
    expect(plan.more).toBe(2);
  });
});
