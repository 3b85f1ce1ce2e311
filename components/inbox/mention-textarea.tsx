"use client";

import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from "react";
import type { Teammate } from "@/lib/client/workflow";
import { insertMention, matchTeammates, mentionQueryAt } from "@/lib/validations/mentions";

type Props = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Whom `@` offers. */
  teammates: Teammate[];
  /** A teammate chosen from the list (their `@Full Name` is in the text now). */
  onPick: (teammate: Teammate) => void;
  /** Enter without Shift while the list is closed. */
  onEnter: () => void;
  placeholder: string;
  className: string;
  ref?: Ref<HTMLTextAreaElement>;
};

/**
 * A textarea where typing `@` (at the start or after a space) offers teammates by name: ↑ ↓ move,
 * Enter or Tab inserts `@Full Name `, Escape closes, and while the list is open Enter never
 * submits. A textarea may not take the combobox role, so it keeps its own and carries the
 * combobox's properties: aria-autocomplete, aria-haspopup, aria-controls and aria-activedescendant.
 */
export function MentionTextarea({
  id,
  value,
  onChange,
  teammates,
  onPick,
  onEnter,
  placeholder,
  className,
  ref,
}: Props) {
  const listId = useId();
  const own = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const moveCaretTo = useRef<number | null>(null);

  const typing = mentionQueryAt(value, caret);
  const matches = focused && typing && typing.start !== dismissedAt ? matchTeammates(teammates, typing.query) : [];
  const open = matches.length > 0;
  const current = open ? Math.min(active, matches.length - 1) : -1;
  const optionId = (index: number) => `${listId}-option-${index}`;

  useLayoutEffect(() => {
    const element = own.current;
    if (element && moveCaretTo.current !== null) {
      element.setSelectionRange(moveCaretTo.current, moveCaretTo.current);
      moveCaretTo.current = null;
    }
  }, [value]);

  const pick = (teammate: Teammate) => {
    if (!typing) return;
    const next = insertMention(value, typing.start, caret, teammate.name);
    moveCaretTo.current = next.caret;
    setCaret(next.caret);
    onChange(next.text);
    onPick(teammate);
  };
  const follow = (element: HTMLTextAreaElement) => {
    setCaret(element.selectionStart);
    if (dismissedAt !== null && mentionQueryAt(element.value, element.selectionStart)?.start !== dismissedAt)
      setDismissedAt(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((current + step + matches.length) % matches.length);
        return;
      }
      if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
        event.preventDefault();
        const chosen = matches[current];
        if (chosen) pick(chosen);
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(typing?.start ?? null);
        return;
      }
    }
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      onEnter();
    }
  };

  return (
    <div className="relative">
      <textarea
        id={id}
        ref={(element) => {
          own.current = element;
          if (typeof ref === "function") ref(element);
          else if (ref) ref.current = element;
        }}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setActive(0);
          follow(event.target);
        }}
        onSelect={(event) => follow(event.currentTarget)}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        rows={3}
        placeholder={placeholder}
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(current) : undefined}
        className={className}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Teammates to mention"
          className="absolute bottom-full left-0 z-10 mb-1 max-h-56 w-72 max-w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {matches.map((teammate, index) => (
            <li
              key={teammate.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === current}
              onMouseDown={(event) => {
                // Keep the focus (and the caret) in the textarea.
                event.preventDefault();
                pick(teammate);
              }}
              onMouseEnter={() => setActive(index)}
              className={`cursor-pointer px-3 py-1.5 ${index === current ? "bg-brand-600 text-white" : "text-slate-900 dark:text-slate-100"}`}
            >
              {teammate.name}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {open
          ? `${matches.length} ${matches.length === 1 ? "teammate" : "teammates"} to mention: up and down to choose, Enter to insert, Escape to close.`
          : ""}
      </p>
    </div>
  );
}
