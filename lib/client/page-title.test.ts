import { describe, expect, it } from "vitest";
import { titleWithCount } from "./page-title";

describe("the page title's count", () => {
  it("puts the count in front while there is one", () => {
    expect(titleWithCount("Inbox · Switchboard", 3)).toBe("(3) Inbox · Switchboard");
    expect(titleWithCount("(3) Inbox · Switchboard", 4)).toBe("(4) Inbox · Switchboard");
    expect(titleWithCount("(3) Inbox · Switchboard", 0)).toBe("Inbox · Switchboard");
    expect(titleWithCount("Conversation · Switchboard", 0)).toBe("Conversation · Switchboard");
  });
});
