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
/**
 * A stand-in for a DOM element written as a simple selector ("input[type=radio]", "[role=menu]"),
 * whose `closest` understands the selector lists shortcuts.ts uses: tag, [attr], [attr=value] and
 * :not([attr=value]).
 */
const element = (written = "div") => {
  const [, tag = "", rawAttributes = ""] = /^([a-z]*)(.*)$/.exec(written) ?? [];
  const attributes = new Map(
    [...rawAttributes.matchAll(/\[([a-z-]+)(?:=([^\]]*))?\]/g)].map((match) => [match[1], match[2] ?? ""]),
  );
  const has = (condition: string) => {
    const [, name = "", value] = /^\[([a-z-]+)(?:=([^\]]*))?\]$/.exec(condition) ?? [];
    return attributes.has(name) && (value === undefined || attributes.get(name) === value.replace(/'/g, ""));
  };
  const matches = (selector: string) => {
    const [, selectorTag = "", rest = ""] = /^([a-z]*)(.*)$/.exec(selector.trim()) ?? [];
    if (selectorTag && selectorTag !== tag) return false;
    const negated = [...rest.matchAll(/:not\((\[[^\]]+\])\)/g)].map((match) => match[1] ?? "");
    const required = [...rest.replace(/:not\(\[[^\]]+\]\)/g, "").matchAll(/\[[^\]]+\]/g)].map((match) => match[0]);
    return required.every(has) && !negated.some(has);
  };
  return { closest: (selectors: string) => (selectors.split(",").some(matches) ? {} : null) };
};

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
    expect(focusKindOf(element("input[type=radio]"))).toBe("control");
    expect(focusKindOf(element("input[type=checkbox]"))).toBe("control");
    expect(focusKindOf(element("input[type=search]"))).toBe("typing");
    expect(focusKindOf(element("a[href]"))).toBe("control");
    expect(focusKindOf(element("button"))).toBe("control");
    expect(focusKindOf(element("div"))).toBe("other");
    expect(focusKindOf(null)).toBe("other");
  });

  it("lists every shortcut in the help", () => {
    const listed = new Set(SHORTCUT_HELP.flatMap((entry) => entry.keys));
    for (const key of ["j", "k", "/", "a", "e", "s", "r", "n", "Enter", "?"]) expect(listed).toContain(key);
  });
});
