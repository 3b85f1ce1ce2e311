// The inbox's keyboard shortcuts as pure rules: which key means what, and when a key is the
// agent's typing rather than a shortcut. The hook (./use-shortcuts.ts) listens; the help dialog
// lists SHORTCUT_HELP.

export type Shortcut = "search" | "next" | "previous" | "close" | "assign" | "snooze" | "reply" | "help";

/** Where the key was pressed: typing into a field (or inside a menu or dialog), on a control, or elsewhere. */
export type FocusKind = "typing" | "control" | "other";

type Key = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing?: boolean };

const BY_KEY: Record<string, Shortcut> = {
  "/": "search",
  j: "next",
  k: "previous",
  e: "close",
  a: "assign",
  s: "snooze",
  r: "reply",
  "?": "help",
};

/**
 * The shortcut a key press asks for, or null: never with Ctrl, ⌘ or Alt, never while typing (or
 * in a menu or dialog, which have keys of their own), and Enter only where it would not already
 * open a link or press a button.
 */
export function shortcutFor(event: Key, focus: FocusKind): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing || focus === "typing") return null;
  if (event.key === "Enter") return focus === "other" ? "reply" : null;
  return BY_KEY[event.key] ?? null;
}

// A checkbox or a radio button takes Space and arrows, never letters: the shortcuts work there.
const TYPING =
  "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset]), textarea, select, dialog, [contenteditable=''], [contenteditable=true], [role=menu], [role=listbox], [role=combobox]";
const CONTROL =
  "a[href], button, input, summary, [role=button], [role=link], [role=menuitem], [role=option], [role=tab]";

/** What kind of place an element is, for shortcutFor. */
export function focusKindOf(target: { closest: (selector: string) => unknown } | null): FocusKind {
  if (!target || typeof target.closest !== "function") return "other";
  if (target.closest(TYPING)) return "typing";
  if (target.closest(CONTROL)) return "control";
  return "other";
}

/** Every shortcut, for the help dialog ("?"). */
export const SHORTCUT_HELP: Array<{ group: string; keys: string[]; does: string }> = [
  { group: "List", keys: ["j"], does: "Next conversation" },
  { group: "List", keys: ["k"], does: "Previous conversation" },
  { group: "List", keys: ["Enter"], does: "Open the conversation in focus" },
  { group: "List", keys: ["/"], does: "Search conversations" },
  { group: "Conversation", keys: ["a"], does: "Assign to me" },
  { group: "Conversation", keys: ["e"], does: "Close" },
  { group: "Conversation", keys: ["s"], does: "Snooze (choose until when)" },
  { group: "Conversation", keys: ["r", "Enter"], does: "Write a reply" },
  { group: "Conversation", keys: ["n"], does: "Write an internal note (@ mentions a teammate)" },
  { group: "Reply box", keys: ["Enter"], does: "Send" },
  { group: "Reply box", keys: ["Shift", "Enter"], does: "New line" },
  { group: "Reply box", keys: ["/"], does: "Insert a saved reply" },
  { group: "Anywhere", keys: ["?"], does: "Show these shortcuts" },
  { group: "Anywhere", keys: ["Esc"], does: "Close a menu or dialog; leave the search box" },
];
