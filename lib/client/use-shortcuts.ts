"use client";

import { useEffect, useRef } from "react";
import { focusKindOf, shortcutFor, type Shortcut } from "./shortcuts";

/**
 * Calls the handler of each shortcut pressed anywhere on the page (see shortcuts.ts for when a key
 * counts). Several components may listen, each to its own keys.
 */
export function useShortcuts(handlers: Partial<Record<Shortcut, () => void>>) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const shortcut = shortcutFor(event, focusKindOf(event.target as Element | null));
      const handler = shortcut ? current.current[shortcut] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
