import { describe, expect, it } from "vitest";
import { defaultView, emptyViewText, inboxQuery, readView } from "./inbox-views";

describe("the list's views", () => {
  it("opens on Mine when the agent has something, else on Unassigned", () => {
    expect(defaultView({ mine: 2 })).toBe("mine");
    expect(defaultView({ mine: 0 })).toBe("unassigned");
  });

  it("reads only views it knows from the address", () => {
    expect(readView("snoozed")).toBe("snoozed");
    expect(readView("everything")).toBeNull();
    expect(readView(null)).toBeNull();
  });

  it("keeps the view and the number filter in the address", () => {
    expect(inboxQuery({ view: "mine", ownerNumber: "" })).toBe("?view=mine");
    expect(inboxQuery({ view: "closed", ownerNumber: "+19195550100" })).toBe("?view=closed&number=%2B19195550100");
    expect(inboxQuery({ view: null, ownerNumber: "" })).toBe("");
  });

  it("explains an empty view, and points from Mine to Unassigned", () => {
    expect(emptyViewText("mine", false)).toBe("Nothing assigned to you. Unassigned conversations are in Unassigned.");
    expect(emptyViewText("snoozed", true)).toBe("Nothing in Snoozed matches. Clear the search or the number filter.");
  });
});
