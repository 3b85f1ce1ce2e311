"use client";

import { useEffect, useRef, useState } from "react";
import { TeammatePicker } from "@/components/inbox/teammate-picker";
import { useViewer } from "@/components/inbox/viewer-context";
import type { ConversationView } from "@/lib/validations/conversations";
import { useAllTeammates, useBulkUpdate } from "@/lib/client/workflow";
import { bulkChange, problemInWords, summariseBulk, type BulkAction } from "@/lib/client/workflow-words";

const buttonClass =
  "whitespace-nowrap rounded-md border border-slate-300 bg-white px-2 py-0.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

type Shown = { id: string; title: string };

/**
 * Above the list: "Select all shown", and once something is selected, what to do with it (close or
 * reopen, assign to me, assign to someone). Says what happened, naming any it could not change;
 * the selection is cleared after.
 */
export function BulkActions({
  view,
  shown,
  selected,
  onSelect,
}: {
  view: ConversationView;
  shown: Shown[];
  selected: Shown[];
  onSelect: (ids: string[]) => void;
}) {
  const viewer = useViewer();
  const bulk = useBulkUpdate();
  const [summary, setSummary] = useState<{ text: string; failed: boolean } | null>(null);
  const all = useRef<HTMLInputElement>(null);
  const some = selected.length > 0 && selected.length < shown.length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = some;
  }, [some]);

  const apply = (action: BulkAction) => {
    const titles = new Map(selected.map((conversation) => [conversation.id, conversation.title]));
    setSummary(null);
    bulk.mutate(
      { ids: selected.map((conversation) => conversation.id), ...bulkChange(action) },
      {
        onSuccess: (results) => {
          setSummary({
            text: summariseBulk(action, results, viewer.id, (id) => titles.get(id) ?? "a conversation"),
            failed: results.some((result) => !result.ok),
          });
          onSelect([]);
        },
        onError: (error) => setSummary({ text: `Nothing changed: ${problemInWords(error.message)}`, failed: true }),
      },
    );
  };
  const reopening = view === "closed" || view === "snoozed";
  const teammates = useAllTeammates(selected.length > 0);

  return (
    <div className="flex flex-col gap-1 border-y border-slate-100 px-3 py-1.5 dark:border-slate-800">
      <div className="flex min-h-7 flex-wrap items-center gap-x-3 gap-y-1.5">
        <label className="flex items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <input
            ref={all}
            type="checkbox"
            disabled={shown.length === 0}
            checked={shown.length > 0 && selected.length === shown.length}
            onChange={(event) => onSelect(event.target.checked ? shown.map((conversation) => conversation.id) : [])}
            className="h-4 w-4 accent-brand-600"
          />
          Select all shown
        </label>
        {selected.length > 0 ? (
          <span className="text-sm font-medium" data-testid="selected-count">
            {selected.length} selected
          </span>
        ) : null}
        {selected.length > 0 ? (
          <div
            role="group"
            aria-label="With the selected conversations"
            className="flex flex-wrap items-center gap-1.5"
          >
            <button
              type="button"
              className={buttonClass}
              disabled={bulk.isPending}
              onClick={() => apply(reopening ? { kind: "reopen" } : { kind: "close" })}
            >
              {reopening ? "Reopen" : "Close"}
            </button>
            <button
              type="button"
              className={buttonClass}
              disabled={bulk.isPending}
              onClick={() => apply({ kind: "assign", to: { id: viewer.id, name: viewer.name } })}
            >
              Assign to me
            </button>
            <TeammatePicker
              button={
                <>
                  Assign to… <span aria-hidden>▾</span>
                </>
              }
              buttonLabel="Assign to…"
              buttonClassName={buttonClass}
              disabled={bulk.isPending}
              teammates={teammates.data}
              loading={teammates.isPending}
              error={teammates.isError ? teammates.error.message : null}
              viewerId={viewer.id}
              onPick={(teammate) => apply({ kind: "assign", to: teammate })}
            />
          </div>
        ) : null}
      </div>
      <p
        role="status"
        className={`text-sm empty:hidden ${summary?.failed ? "text-amber-800 dark:text-amber-300" : "text-slate-700 dark:text-slate-300"}`}
      >
        {bulk.isPending ? "Working…" : (summary?.text ?? "")}
      </p>
    </div>
  );
}
