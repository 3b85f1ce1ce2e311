"use client";

import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";

/** `name`: the item's accessible name when its label is laid out in parts (it must contain their words). */
export type MenuItem = { id: string; label: ReactNode; name?: string; onSelect: () => void };

/**
 * A menu's items (role="menu"): focus goes to the first one when it opens; ↑ ↓ Home End move,
 * Enter or Space chooses. Closing (Escape, Tab, a click outside) belongs to the popover around it.
 */
export function MenuItems({ label, items }: { label: string; items: MenuItem[] }) {
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      buttons[(index + buttons.length) % buttons.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(buttons.length - 1);
  };

  return (
    <div ref={list} role="menu" aria-label={label} onKeyDown={onKeyDown} className="flex flex-col">
      {items.map((item) => (
        <button
          key={item.id}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-label={item.name}
          onClick={item.onSelect}
          className="rounded-md px-3 py-2 text-left outline-none hover:bg-slate-100 focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-500 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
