"use client";

import Link from "next/link";
import type { FocusEvent } from "react";
import { controlClass } from "@/components/ui/control";
import type { SavedReplyInsert } from "@/components/inbox/use-saved-reply-insert";

/**
 * Above the reply box: the warning about placeholders left unfilled, and the list of saved
 * replies (opened by `/` or the picker button), anchored to the box's top edge.
 */
export function SavedReplyPopup({ replies }: { replies: SavedReplyInsert }) {
  const count = replies.matches.length;
  return (
    <>
      {replies.unresolved.length > 0 ? <UnresolvedWarning replies={replies} /> : null}
      <p role="status" className="sr-only">
        {replies.open
          ? count > 0
            ? `${count} saved ${count === 1 ? "reply matches" : "replies match"}: arrow keys to choose, Enter or Tab to insert, Escape to close.`
            : replies.loading
              ? "Loading saved replies…"
              : "No saved reply matches."
          : ""}
      </p>
      <div className="relative">{replies.open ? <SavedReplyList replies={replies} /> : null}</div>
    </>
  );
}

/** The button beside "Attach" that opens the list with a search box. */
export function SavedReplyPickerButton({ replies }: { replies: SavedReplyInsert }) {
  return (
    <button
      type="button"
      data-saved-reply-toggle=""
      onClick={replies.togglePicker}
      aria-expanded={replies.picker !== null}
      aria-controls={replies.picker ? `${replies.listboxId}-panel` : undefined}
      title="Insert a saved reply (or type / in the message)"
      className="inline-flex items-center gap-1 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-200 dark:hover:bg-slate-800"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      >
        <path d="M4 4.5h12v8H8l-4 3.5z" strokeLinejoin="round" />
        <path d="M7 7.5h6M7 10h4" strokeLinecap="round" />
      </svg>
      Saved replies
    </button>
  );
}

function SavedReplyList({ replies }: { replies: SavedReplyInsert }) {
  const { picker } = replies;
  // The picker closes when the focus leaves it (a click elsewhere), except for its own button.
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Element && (event.currentTarget.contains(next) || next.closest("[data-saved-reply-toggle]")))
      return;
    replies.close(false);
  };
  return (
    <div
      id={`${replies.listboxId}-panel`}
      onBlur={picker ? onBlur : undefined}
      className="absolute inset-x-0 bottom-1 z-20 flex max-h-80 flex-col rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
    >
      {picker ? (
        <div className="border-b border-slate-200 p-2 dark:border-slate-700">
          <input
            type="search"
            autoFocus
            value={picker.query}
            onChange={(event) => replies.setPickerQuery(event.target.value)}
            onKeyDown={(event) => void replies.listKeyDown(event)}
            role="combobox"
            aria-label="Search saved replies"
            aria-autocomplete="list"
            aria-expanded={replies.listShown}
            aria-controls={replies.listShown ? replies.listboxId : undefined}
            aria-activedescendant={replies.listShown ? replies.optionId(replies.activeIndex) : undefined}
            placeholder="Search by name or text"
            className={`w-full px-2 py-1.5 text-sm ${controlClass}`}
          />
        </div>
      ) : null}
      {replies.listShown ? (
        <ul
          id={replies.listboxId}
          role="listbox"
          aria-label="Saved replies"
          className="min-h-0 flex-1 overflow-y-auto py-1"
        >
          {replies.matches.map((reply, index) => (
            <li
              key={reply.id}
              id={replies.optionId(index)}
              role="option"
              aria-selected={index === replies.activeIndex}
              // Keeps the focus in the text box (or the search box) while clicking.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== replies.activeIndex && replies.setActive(index)}
              onClick={() => replies.choose(index)}
              className={`cursor-pointer px-3 py-1.5 text-sm ${index === replies.activeIndex ? "bg-brand-50 dark:bg-slate-800" : ""}`}
            >
              <span className="flex items-center gap-2">
                <span className="truncate font-medium">{reply.name}</span>
                {reply.scope === "team" ? (
                  <span className="shrink-0 rounded bg-slate-100 px-1.5 text-xs text-slate-700 dark:bg-slate-700 dark:text-slate-200">
                    Team
                  </span>
                ) : null}
              </span>
              <span className="block truncate text-xs text-slate-600 dark:text-slate-400">{reply.body}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-400">
          {replies.loading
            ? "Loading saved replies…"
            : replies.error
              ? `Could not load saved replies (${replies.error.message}).`
              : "No saved reply matches."}
        </p>
      )}
      <p className="flex flex-wrap justify-between gap-2 border-t border-slate-200 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
        <span>↑↓ choose · Enter or Tab inserts · Esc closes</span>
        <Link href="/saved-replies" className="text-brand-700 underline dark:text-brand-100">
          Manage saved replies
        </Link>
      </p>
    </div>
  );
}

/** Placeholders an insert could not fill: sending is allowed, but they are hard to miss. */
function UnresolvedWarning({ replies }: { replies: SavedReplyInsert }) {
  return (
    <div
      id={replies.warningId}
      role="alert"
      className="mb-2 rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p>
        <strong>Replace before sending:</strong>{" "}
        {replies.unresolved.length === 1 ? "this placeholder has" : "these placeholders have"} no value here, so{" "}
        {replies.unresolved.length === 1 ? "it is" : "they are"} still in the message as written.
      </p>
      <ul className="mt-1 flex flex-wrap gap-2" aria-label="Placeholders to replace">
        {replies.unresolved.map((placeholder) => (
          <li key={placeholder}>
            <button
              type="button"
              onClick={() => replies.selectPlaceholder(placeholder)}
              className="rounded bg-amber-200 px-1.5 py-0.5 font-mono text-xs text-amber-950 hover:bg-amber-300 dark:bg-amber-800 dark:text-amber-50 dark:hover:bg-amber-700"
              aria-label={`Select ${placeholder} in the message`}
              title="Select it in the message, to type over it"
            >
              {placeholder}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
