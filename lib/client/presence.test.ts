import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PRESENCE_RENEW_MS, TYPING_IDLE_MS } from "@/lib/validations/presence-view";
import { startPresenceAnnouncer } from "./presence";

let said: string[];
let page: EventTarget & { visibilityState: DocumentVisibilityState };
let win: EventTarget;

beforeEach(() => {
  vi.useFakeTimers();
  said = [];
  page = Object.assign(new EventTarget(), { visibilityState: "visible" as DocumentVisibilityState });
  win = new EventTarget();
});
afterEach(() => vi.useRealTimers());

const start = () =>
  startPresenceAnnouncer({
    announce: (state) => said.push(state),
    leaveNow: () => said.push("beacon:left"),
    document: page,
    window: win,
  });

const setVisibility = (state: DocumentVisibilityState) => {
  page.visibilityState = state;
  page.dispatchEvent(new Event("visibilitychange"));
};

describe("a tab's presence announcements", () => {
  it("views at once and renews while visible; leaves when stopped, then stays quiet", () => {
    const announcer = start();
    expect(said).toEqual(["viewing"]);
    vi.advanceTimersByTime(PRESENCE_RENEW_MS * 3);
    expect(said).toEqual(["viewing", "viewing", "viewing", "viewing"]);
    announcer.stop();
    vi.advanceTimersByTime(PRESENCE_RENEW_MS * 3);
    win.dispatchEvent(new Event("pagehide"));
    expect(said.slice(4)).toEqual(["left"]);
  });

  it("says typing once for many keystrokes, renews it while typing goes on, and views again when input stops", () => {
    const announcer = start();
    for (let key = 0; key < 20; key += 1) {
      announcer.typing();
      vi.advanceTimersByTime(TYPING_IDLE_MS / 2);
    }
    // 50 s of typing: one switch to typing, renewals say typing.
    expect(said[0]).toBe("viewing");
    expect(said[1]).toBe("typing");
    expect(said.slice(2)).toEqual(Array(5).fill("typing"));
    said.length = 0;
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(said).toEqual(["viewing"]);
    announcer.stop();
  });

  it("views again right after a send", () => {
    const announcer = start();
    announcer.typing();
    announcer.sent();
    expect(said).toEqual(["viewing", "typing", "viewing"]);
    vi.advanceTimersByTime(TYPING_IDLE_MS);
    expect(said).toHaveLength(3);
    announcer.sent();
    expect(said).toHaveLength(3);
    announcer.stop();
  });

  it("a hidden tab drops typing and stops renewing; visible again, it is back at once", () => {
    const announcer = start();
    announcer.typing();
    setVisibility("hidden");
    expect(said).toEqual(["viewing", "typing", "viewing"]);
    vi.advanceTimersByTime(PRESENCE_RENEW_MS * 5);
    announcer.typing();
    expect(said).toHaveLength(3);
    setVisibility("visible");
    expect(said).toEqual(["viewing", "typing", "viewing", "viewing"]);
    vi.advanceTimersByTime(PRESENCE_RENEW_MS);
    expect(said).toHaveLength(5);
    announcer.stop();
  });

  it("a tab opened in the background says nothing until it is shown", () => {
    page.visibilityState = "hidden";
    const announcer = start();
    vi.advanceTimersByTime(PRESENCE_RENEW_MS * 2);
    expect(said).toEqual([]);
    setVisibility("visible");
    expect(said).toEqual(["viewing"]);
    announcer.stop();
  });

  it("leaves by beacon when the page goes away, and comes back from the back/forward cache", () => {
    const announcer = start();
    win.dispatchEvent(new Event("pagehide"));
    expect(said).toEqual(["viewing", "beacon:left"]);
    vi.advanceTimersByTime(PRESENCE_RENEW_MS * 2);
    expect(said).toHaveLength(2);
    win.dispatchEvent(new Event("pageshow"));
    expect(said).toHaveLength(2);
    win.dispatchEvent(Object.assign(new Event("pageshow"), { persisted: true }));
    expect(said.at(-1)).toBe("viewing");
    announcer.stop();
  });
});
