"use client";

import { useRef, type FormEvent, type ReactNode } from "react";
import { MentionTextarea } from "@/components/inbox/mention-textarea";
import { useViewer } from "@/components/inbox/viewer-context";
import { useAddNote } from "@/lib/client/notes";
import { useTeammates } from "@/lib/client/workflow";
import { mentionIdsFor } from "@/lib/validations/mentions";
import { MAX_NOTE_LENGTH } from "@/lib/validations/notes";

export const NOTE_TEXT_ID = "note-text";

type Props = { conversationId: string; draft: string; onDraftChange: (draft: string) => void; modeToggle: ReactNode };

/**
 * The composer's note mode: an amber box for a note only the team sees (never sent to the
 * customer); `@` mentions a teammate who may see the conversation, and notifies them.
 */
export function NoteComposer({ conversationId, draft, onDraftChange, modeToggle }: Props) {
  const viewer = useViewer();
  const teammates = (useTeammates(conversationId).data ?? []).filter((teammate) => teammate.id !== viewer.id);
  const addNote = useAddNote(conversationId);
  const picked = useRef(new Set<string>());
  const tooLong = draft.length > MAX_NOTE_LENGTH;
  const empty = draft.trim() === "";

  const submit = () => {
    if (empty || tooLong || addNote.isPending) return;
    addNote.mutate(
      { body: draft, mentionIds: mentionIdsFor(draft, teammates, picked.current) },
      {
        onSuccess: () => {
          onDraftChange("");
          picked.current.clear();
        },
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Internal note"
      className="border-t border-amber-300 bg-amber-50/60 p-3 dark:border-amber-800 dark:bg-amber-950/30"
    >
      {modeToggle}
      {addNote.isError ? (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">
          Note not added: {addNote.error.message}
        </p>
      ) : null}
      <label htmlFor={NOTE_TEXT_ID} className="sr-only">
        Internal note
      </label>
      <MentionTextarea
        id={NOTE_TEXT_ID}
        value={draft}
        onChange={onDraftChange}
        teammates={teammates}
        onPick={(teammate) => picked.current.add(teammate.id)}
        onEnter={submit}
        placeholder="Write an internal note — @ to mention"
        className="w-full resize-y rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-slate-900 outline-none placeholder:text-amber-900/70 focus:border-amber-600 focus:ring-2 focus:ring-amber-500/40 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-50 dark:placeholder:text-amber-200/70"
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-amber-900 dark:text-amber-200">
          Only your team sees notes; the customer never does.
          {tooLong ? (
            <span className="block text-red-700 dark:text-red-300">At most {MAX_NOTE_LENGTH} characters.</span>
          ) : null}
        </p>
        <button
          type="submit"
          disabled={empty || tooLong || addNote.isPending}
          className="rounded-md bg-amber-700 px-4 py-2 text-sm font-medium text-white hover:bg-amber-800 disabled:opacity-50 dark:bg-amber-600 dark:hover:bg-amber-500 dark:text-amber-950"
        >
          {addNote.isPending ? "Adding…" : "Add note"}
        </button>
      </div>
    </form>
  );
}
