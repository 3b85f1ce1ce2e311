"use client";

import { useViewer } from "@/components/inbox/viewer-context";
import type { Note } from "@/lib/client/types";
import { mentionSegments } from "@/lib/validations/mentions";

/**
 * An internal note in the thread: a full-width amber card, unlike the customer's and our bubbles,
 * labelled as internal, with its author and time; the teammates it mentions stand out (the viewer
 * most).
 */
export function NoteRow({ note }: { note: Note }) {
  const viewer = useViewer();
  const time = new Date(note.createdAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
  const you = note.mentions.find((person) => person.id === viewer.id)?.name;
  const segments = mentionSegments(
    note.body,
    note.mentions.map((person) => person.name),
  );
  return (
    <article
      aria-label={`Internal note by ${note.author?.name ?? "a former teammate"}`}
      className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-2.5 text-sm text-slate-900 dark:border-amber-700/70 dark:bg-amber-950/50 dark:text-amber-50"
      data-note-id={note.id}
    >
      <header className="mb-1 flex flex-wrap items-center gap-x-2 text-xs text-amber-900 dark:text-amber-200">
        <span className="inline-flex items-center gap-1 font-semibold uppercase tracking-wide">
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3 w-3" fill="currentColor">
            <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
          </svg>
          Internal note
        </span>
        <span aria-hidden>·</span>
        <span>{note.author?.name ?? "A former teammate"}</span>
        <span aria-hidden>·</span>
        <time dateTime={note.createdAt}>{time}</time>
      </header>
      <p className="whitespace-pre-wrap break-words">
        {segments.map((segment, index) =>
          segment.mention ? (
            <mark
              key={index}
              className={`rounded px-0.5 font-semibold text-inherit ${segment.mention === you ? "bg-amber-300 dark:bg-amber-600/70" : "bg-amber-200/70 dark:bg-amber-800/70"}`}
            >
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </p>
    </article>
  );
}
