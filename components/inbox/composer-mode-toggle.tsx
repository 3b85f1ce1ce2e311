"use client";

import { useEffect, useRef } from "react";
import { focusKindOf } from "@/lib/client/shortcuts";

/** What the composer writes: a reply to the customer, or an internal note for the team. */
export type ComposerMode = "reply" | "note";

const MODES: Array<{ mode: ComposerMode; label: string }> = [
  { mode: "reply", label: "Reply" },
  { mode: "note", label: "Note" },
];

type Props = {
  mode: ComposerMode;
  /** `byPointer`: chosen with the mouse or a touch (then the text box may take the focus; arrow keys keep it here). */
  onChange: (mode: ComposerMode, byPointer: boolean) => void;
};

/** Reply | Note, a segmented pair of radio buttons above the composer's text box (`n` picks Note). */
export function ComposerModeToggle({ mode, onChange }: Props) {
  const pointer = useRef(false);
  return (
    <fieldset className="mb-2 inline-flex rounded-md border border-slate-300 p-0.5 text-sm dark:border-slate-700">
      <legend className="sr-only">Write a reply or an internal note</legend>
      {MODES.map((option) => (
        <label
          key={option.mode}
          onPointerDown={() => (pointer.current = true)}
          className={`cursor-pointer rounded px-3 py-1 has-focus-visible:outline-2 has-focus-visible:outline-brand-500 ${
            mode === option.mode
              ? option.mode === "note"
                ? "bg-amber-200 font-medium text-amber-950 dark:bg-amber-700 dark:text-amber-50"
                : "bg-brand-600 font-medium text-white"
              : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
          }`}
        >
          <input
            type="radio"
            name="composer-mode"
            value={option.mode}
            checked={mode === option.mode}
            onChange={() => {
              onChange(option.mode, pointer.current);
              pointer.current = false;
            }}
            className="sr-only"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** `n` outside a text field switches the composer to a note (the list's keys are j, k, / and Enter). */
export function useNoteShortcut(onNote: () => void) {
  const latest = useRef(onNote);
  useEffect(() => {
    latest.current = onNote;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== "n" || event.metaKey || event.ctrlKey || event.altKey) return;
      if (focusKindOf(target) === "typing") return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
