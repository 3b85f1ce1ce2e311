import { describe, expect, it } from "vitest";
import type { OptOutView } from "@/lib/validations/consent";
import { describeHistoryEntry, describeOptOut, howOptedOut, notSentInWords } from "./consent-words";

const view = (over: Partial<OptOutView>): OptOutView => ({
  phoneNumber: "+19195550123",
  at: new Date(2026, 10, 30, 14, 2).toISOString(),
  source: "keyword",
  scope: "account",
  ourNumber: null,
  reason: null,
  byName: null,
  messageId: null,
  ...over,
});

describe("describeOptOut", () => {
  it("names the number, the moment and the keyword", () => {
    expect(describeOptOut(view({}), null, "STOP")).toBe(
      "(919) 555-0123 opted out on 30 Nov 2026, 14:02 by texting STOP",
    );
  });
  it("says a carrier reported it", () => {
    expect(howOptedOut(view({ source: "carrier" }))).toBe("by carrier report (4775)");
  });
  it("says who recorded it and why", () => {
    expect(howOptedOut(view({ source: "agent", byName: "Sam Agent", reason: "asked by phone" }))).toBe(
      "recorded by Sam Agent: asked by phone",
    );
  });
  it("puts the name first when there is one", () => {
    expect(describeOptOut(view({}), "Dana Whitfield")).toMatch(/^Dana Whitfield \(\(919\) 555-0123\) opted out/);
  });
});

describe("describeHistoryEntry", () => {
  it("says which way it went and how", () => {
    expect(describeHistoryEntry({ ...view({}), action: "opt_in", id: "1" })).toBe(
      "Opted back in on 30 Nov 2026, 14:02 by texting an opt-in keyword",
    );
    expect(describeHistoryEntry({ ...view({ source: "carrier" }), action: "opt_out", id: "2" })).toBe(
      "Opted out on 30 Nov 2026, 14:02 by carrier report (4775)",
    );
  });
});

describe("notSentInWords", () => {
  it("keeps the server's own 'Not sent' once", () => {
    expect(notSentInWords("Not sent: (919) 555-0123 opted out")).toBe("Not sent: (919) 555-0123 opted out");
    expect(notSentInWords("Network down")).toBe("Not sent: Network down");
  });
});
