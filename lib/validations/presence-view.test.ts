import { describe, expect, it } from "vitest";
import {
  collapsePresence,
  PRESENCE_REFRESH_MS,
  PRESENCE_RENEW_MS,
  PRESENCE_TTL_SECONDS,
  presenceSentence,
  strongestState,
  TYPING_IDLE_MS,
  type PresenceEntry,
} from "./presence-view";

const sam = (state: PresenceEntry["state"]): PresenceEntry => ({ userId: "u-sam", name: "Sam Agent", state });
const robin = (state: PresenceEntry["state"]): PresenceEntry => ({ userId: "u-robin", name: "Robin Hale", state });
const alex = (state: PresenceEntry["state"]): PresenceEntry => ({ userId: "u-alex", name: "Alex Wu", state });

describe("collapsing a user's tabs", () => {
  it("typing in any tab wins over viewing, whatever the order", () => {
    expect(strongestState(["viewing", "typing", "viewing"])).toBe("typing");
    expect(strongestState(["viewing"])).toBe("viewing");
    expect(strongestState([])).toBeNull();
    expect(collapsePresence([sam("viewing"), sam("typing"), sam("viewing")])).toEqual([sam("typing")]);
    expect(collapsePresence([sam("typing"), sam("viewing")])).toEqual([sam("typing")]);
  });

  it("keeps one entry per user, those replying first, then by name", () => {
    expect(collapsePresence([sam("viewing"), robin("viewing"), alex("typing"), robin("viewing")])).toEqual([
      alex("typing"),
      robin("viewing"),
      sam("viewing"),
    ]);
  });
});

describe("the header's words", () => {
  it("says nothing when nobody else is here", () => {
    expect(presenceSentence([])).toBeNull();
  });

  it("names people by first name and agrees in number", () => {
    expect(presenceSentence([sam("viewing")])).toBe("Sam is viewing");
    expect(presenceSentence([sam("typing")])).toBe("Sam is replying…");
    expect(presenceSentence([robin("viewing"), sam("viewing")])).toBe("Robin and Sam are viewing");
    expect(presenceSentence([alex("typing"), sam("typing")])).toBe("Alex and Sam are replying…");
    expect(presenceSentence([sam("typing"), robin("viewing")])).toBe("Sam is replying… · Robin is viewing");
  });

  it("shortens long lists", () => {
    const more = (n: number) =>
      Array.from({ length: n }, (_, i): PresenceEntry => ({ userId: `u${i}`, name: `P${i} X`, state: "viewing" }));
    expect(presenceSentence(more(3))).toBe("P0, P1 and P2 are viewing");
    expect(presenceSentence(more(5))).toBe("P0, P1 and 3 others are viewing");
  });

  it("uses full names when two present share a first name, and copes with a blank name", () => {
    const otherSam: PresenceEntry = { userId: "u-sam2", name: "Sam Rivera", state: "viewing" };
    expect(presenceSentence([sam("viewing"), otherSam])).toBe("Sam Agent and Sam Rivera are viewing");
    expect(presenceSentence([{ userId: "u", name: "  ", state: "typing" }])).toBe("Someone is replying…");
  });
});

describe("timing", () => {
  it("a tab renews well within its row's lifetime, and readers notice a lapse soon after", () => {
    // Two renewals may be lost (a slow network, a busy tab) before others see the tab leave.
    expect(PRESENCE_RENEW_MS * 3).toBeLessThanOrEqual(PRESENCE_TTL_SECONDS * 1000);
    expect(PRESENCE_REFRESH_MS).toBeLessThan(PRESENCE_TTL_SECONDS * 1000);
    expect(TYPING_IDLE_MS).toBeLessThan(PRESENCE_RENEW_MS);
  });
});
