"use client";

import { useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { Initials } from "@/components/inbox/initials";
import { controlClass } from "@/components/ui/control";
import { PopoverPanel, usePopover } from "@/components/ui/popover";
import type { Teammate } from "@/lib/client/workflow";

type Props = {
  /** The button's content and accessible name. */
  button: ReactNode;
  buttonLabel: string;
  buttonClassName: string;
  teammates: Teammate[] | undefined;
  loading: boolean;
  error: string | null;
  /** Who is assigned now (marked in the list); undefined when there is no one "current" (bulk). */
  currentId?: string | null;
  viewerId: string;
  onPick: (teammate: Teammate | null) => void;
  align?: "start" | "end";
  disabled?: boolean;
};

/**
 * Choose who takes a conversation: a button opening a searchable list of teammates, "Nobody"
 * first. Typing filters; ↑ ↓ move, Enter picks, Escape closes and returns to the button.
 */
export function TeammatePicker(props: Props) {
  const popover = usePopover();
  return (
    <div className="relative">
      <button
        type="button"
        {...popover.triggerProps}
        aria-haspopup="dialog"
        aria-label={props.buttonLabel}
        disabled={props.disabled}
        className={props.buttonClassName}
      >
        {props.button}
      </button>
      {popover.open ? (
        <PopoverPanel panelProps={popover.panelProps} align={props.align}>
          <PickerList
            {...props}
            onPick={(teammate) => {
              popover.close(true);
              props.onPick(teammate);
            }}
          />
        </PopoverPanel>
      ) : null}
    </div>
  );
}

function PickerList({ teammates, loading, error, currentId, viewerId, onPick }: Props) {
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const id = useId();
  const needle = query.trim().toLowerCase();
  const choices: Array<Teammate | null> = [
    ...(needle === "" || "nobody".includes(needle) ? [null] : []),
    ...(teammates ?? []).filter((teammate) => teammate.name.toLowerCase().includes(needle)),
  ];
  const at = Math.min(active, Math.max(choices.length - 1, 0));
  const optionId = (index: number) => `${id}-option-${index}`;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (choices.length > 0) setActive((at + (event.key === "ArrowDown" ? 1 : -1) + choices.length) % choices.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (choices.length > 0) onPick(choices[at] ?? null);
    }
  };

  return (
    <div role="dialog" aria-label="Assign to" className="flex flex-col gap-1">
      <label htmlFor={`${id}-search`} className="sr-only">
        Find a teammate
      </label>
      <input
        id={`${id}-search`}
        role="combobox"
        aria-expanded
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={choices.length > 0 ? optionId(at) : undefined}
        autoFocus
        autoComplete="off"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Find a teammate"
        className={`m-1 px-2 py-1.5 text-sm ${controlClass}`}
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Teammates" className="max-h-64 overflow-y-auto">
        {choices.map((teammate, index) => {
          const current = currentId !== undefined && (teammate?.id ?? null) === currentId;
          return (
            <li
              key={teammate?.id ?? "nobody"}
              id={optionId(index)}
              role="option"
              aria-selected={index === at}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(teammate)}
              onMouseMove={() => setActive(index)}
              className="flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 aria-selected:bg-brand-50 dark:aria-selected:bg-slate-800"
            >
              {teammate ? <Initials name={teammate.name} /> : <span aria-hidden className="h-5 w-5 shrink-0" />}
              <span className="min-w-0 flex-1 truncate">
                {teammate ? teammate.name : "Nobody"}
                {teammate?.id === viewerId ? <span className="text-slate-600 dark:text-slate-400"> (you)</span> : null}
              </span>
              {current ? (
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  <span aria-hidden>✓ </span>assigned
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {loading ? <p className="px-3 py-2 text-slate-600 dark:text-slate-400">Loading teammates…</p> : null}
      {error ? (
        <p role="alert" className="px-3 py-2 text-red-700 dark:text-red-300">
          Could not load teammates ({error}).
        </p>
      ) : null}
      {!loading && choices.length === 0 ? (
        <p className="px-3 py-2 text-slate-600 dark:text-slate-400">Nobody by that name.</p>
      ) : null}
    </div>
  );
}
