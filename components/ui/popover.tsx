"use client";

import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from "react";

/**
 * A panel opened by a button (menus, pickers): a click outside or Tab away closes it; Escape closes
 * it and gives focus back to its button. The panel sits under its button, or at the bottom of the
 * screen on a phone, where there is no room beside it.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) trigger.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !trigger.current?.contains(target)) close(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, close]);

  const panelProps = {
    ref: panel,
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      close(true);
    },
    onBlur: (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !panel.current?.contains(next) && !trigger.current?.contains(next)) close(false);
    },
  };
  const triggerProps = {
    ref: trigger,
    "aria-expanded": open,
    onClick: () => setOpen((was) => !was),
  };
  return { open, setOpen, close, triggerProps, panelProps };
}

/** Positions a popover's panel; `align` is the side of its button it lines up with. */
export function PopoverPanel({
  panelProps,
  align = "start",
  className = "",
  children,
}: {
  panelProps: ReturnType<typeof usePopover>["panelProps"];
  align?: "start" | "end";
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      {...panelProps}
      className={`absolute top-full z-30 mt-1 w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-200 bg-white p-1 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 max-sm:fixed max-sm:inset-x-2 max-sm:top-auto max-sm:bottom-2 max-sm:mt-0 max-sm:w-auto max-sm:max-w-none ${align === "end" ? "right-0" : "left-0"} ${className}`}
    >
      {children}
    </div>
  );
}
