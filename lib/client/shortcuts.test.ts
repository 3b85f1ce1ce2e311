import { describe, expect, it } from "vitest";
import { focusKindOf, SHORTCUT_HELP, shortcutFor } from "./shortcuts";

const press = (
  key: string,
  more: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...more,
});

/** An element stand-in: matches the selectors that contain one of its names. */
const element = (...names: string[]) => ({
  closest: (selector: string) => (names.some((name) => selector.split(", ").includes(name)) ? {} : null),
});

describe("keyboard shortcuts", () => {
  it("maps the documented keys", () => {
    expect(shortcutFor(press("e"), "other")).toBe("close");
    expect(shortcutFor(press("a"), "control")).toBe("assign");
    expect(shortcutFor(press("s"), "other")).toBe("snooze");
    expect(shortcutFor(press("r"), "other")).toBe("reply");
    expect(shortcutFor(press("?"), "other")).toBe("help");
    expect(shortcutFor(press("/"), "control")).toBe("search");
    expect(shortcutFor(press("j"), "other")).toBe("next");
    expect(shortcutFor(press("k"), "other")).toBe("previous");
    expect(shortcutFor(press("x"), "other")).toBeNull();
    // Shift+E is not e.
    expect(shortcutFor(press("E"), "other")).toBeNull();
  });

  it("stays out of the way of typing and of other programs' keys", () => {
    expect(shortcutFor(press("e"), "typing")).toBeNull();
    expect(shortcutFor(press("?"), "typing")).toBeNull();
    expect(shortcutFor(press("e", { ctrlKey: true }), "other")).toBeNull();
    expect(shortcutFor(press("a", { metaKey: true }), "other")).toBeNull();
    expect(shortcutFor(press("s", { altKey: true }), "other")).toBeNull();
    expect(shortcutFor(press("r", { isComposing: true }), "other")).toBeNull();
  });

  it("leaves Enter to the link or button in focus", () => {
    expect(shortcutFor(press("Enter"), "other")).toBe("reply");
    expect(shortcutFor(press("Enter"), "control")).toBeNull();
    expect(shortcutFor(press("Enter"), "typing")).toBeNull();
  });

  it("tells typing places from controls", () => {
    expect(focusKindOf(element("input"))).toBe("typing");
    expect(focusKindOf(element("textarea"))).toBe("typing");
    expect(focusKindOf(element("dialog"))).toBe("typing");
    expect(focusKindOf(element("[role=menu]"))).toBe("typing");
    expect(focusKindOf(element("[contenteditable=true]"))).toBe("typing");
    expect(focusKindOf(element("a[href]"))).toBe("control");
    expect(focusKindOf(element("button"))).toBe("control");
    expect(focusKindOf(element())).toBe("other");
    expect(focusKindOf(null)).toBe("other");
  });

  it("lists every shortcut in the help", () => {
    const listed = new Set(SHORTCUT_HELP.flatMap((entry) => entry.keys));
    for (const key of ["j", "k", "/", "a", "e", "s", "r", "n", "Enter", "?"]) expect(listed).toContain(key);
  });
});
