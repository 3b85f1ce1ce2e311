import { describe, expect, it } from "vitest";
import { bulkChange, describeChange, problemInWords, summariseBulk } from "./workflow-words";

const sam = { id: "u-sam", name: "Sam Agent" };
const avery = { id: "u-avery", name: "Avery Admin" };
const open = { status: "open" as const, snoozedUntil: null, assignee: null };

describe("the server's refusals in words", () => {
  it("drops the field name and starts with a capital", () => {
    expect(problemInWords("snoozedUntil: choose a time in the future.")).toBe("Choose a time in the future.");
    expect(problemInWords("No conversation with that id.")).toBe("No conversation with that id.");
  });
});

describe("what a change did", () => {
  it("speaks to the agent about their own assignment", () => {
    expect(describeChange({ assigneeId: sam.id }, { ...open, assignee: sam }, sam.id)).toBe("Assigned to you");
    expect(describeChange({ assigneeId: avery.id }, { ...open, assignee: avery }, sam.id)).toBe(
      "Assigned to Avery Admin",
    );
    expect(describeChange({ assigneeId: null }, open, sam.id)).toBe("Unassigned");
  });

  it("names the status it reached, and when a snooze ends", () => {
    const now = new Date(2026, 10, 30, 14, 0);
    const until = new Date(2026, 11, 1, 9, 0).toISOString();
    expect(describeChange({ status: "closed" }, { ...open, status: "closed" }, sam.id)).toBe("Closed");
    expect(describeChange({ status: "open" }, open, sam.id)).toBe("Reopened");
    expect(
      describeChange(
        { status: "snoozed", snoozedUntil: until },
        { ...open, status: "snoozed", snoozedUntil: until },
        sam.id,
        now,
      ),
    ).toBe("Snoozed until Tue 9:00 AM");
  });
});

describe("a bulk action's summary", () => {
  const titles: Record<string, string> = { a: "Dana Whitfield", b: "Lee Park", c: "(555) 555-0102" };
  const titleOf = (id: string) => titles[id] ?? id;

  it("asks the API for the matching change", () => {
    expect(bulkChange({ kind: "close" })).toEqual({ status: "closed" });
    expect(bulkChange({ kind: "reopen" })).toEqual({ status: "open" });
    expect(bulkChange({ kind: "assign", to: sam })).toEqual({ assigneeId: sam.id });
    expect(bulkChange({ kind: "assign", to: null })).toEqual({ assigneeId: null });
  });

  it("counts what was done", () => {
    const results = [
      { id: "a", ok: true as const },
      { id: "b", ok: true as const },
    ];
    expect(summariseBulk({ kind: "close" }, results, sam.id, titleOf)).toBe("Closed 2 conversations.");
    expect(summariseBulk({ kind: "assign", to: sam }, results.slice(0, 1), sam.id, titleOf)).toBe(
      "Assigned 1 conversation to you.",
    );
  });

  it("names each one that could not be changed, and why", () => {
    const refused = {
      id: "c",
      ok: false as const,
      status: 422,
      message: "assigneeId: that teammate may not see this conversation's number.",
    };
    expect(summariseBulk({ kind: "assign", to: avery }, [{ id: "a", ok: true }, refused], sam.id, titleOf)).toBe(
      "Assigned 1 conversation to Avery Admin; 1 could not be: (555) 555-0102 (that teammate may not see this conversation's number).",
    );
    expect(summariseBulk({ kind: "close" }, [refused], sam.id, titleOf)).toBe(
      "Could not close (555) 555-0102 (that teammate may not see this conversation's number).",
    );
  });
});
