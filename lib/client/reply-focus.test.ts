import { describe, expect, it } from "vitest";
import { focusReplyWhenOpened, takeReplyFocusRequest } from "./reply-focus";

describe("reply focus on open", () => {
  it("is taken once, by the conversation it was asked for", () => {
    focusReplyWhenOpened("a");
    expect(takeReplyFocusRequest("b")).toBe(false);
    expect(takeReplyFocusRequest("a")).toBe(true);
    expect(takeReplyFocusRequest("a")).toBe(false);
  });
});
