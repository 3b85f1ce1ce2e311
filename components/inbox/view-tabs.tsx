"use client";

import type { MouseEvent } from "react";
import { VIEW_LABELS } from "@/lib/client/inbox-views";
import type { ConversationCounts } from "@/lib/client/types";
import { CONVERSATION_VIEWS, type ConversationView } from "@/lib/validations/conversations";

/**
 * The list's views with their live counts, as links (the view lives in the address). They wrap
 * onto a second line rather than scroll when the panel is narrow.
 */
export function ViewTabs({
  current,
  counts,
  hrefOf,
  onChoose,
}: {
  current: ConversationView | null;
  counts: ConversationCounts | undefined;
  hrefOf: (view: ConversationView) => string;
  onChoose: (view: ConversationView) => void;
}) {
  const choose = (view: ConversationView) => (event: MouseEvent<HTMLAnchorElement>) => {
    // A plain click changes the view in place; Ctrl/⌘/middle click still opens a new tab.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onChoose(view);
  };
  return (
    <nav aria-label="Views" className="px-3 pb-2">
      <ul className="flex flex-wrap gap-1">
        {CONVERSATION_VIEWS.map((view) => {
          const selected = view === current;
          return (
            <li key={view}>
              <a
                href={hrefOf(view)}
                onClick={choose(view)}
                aria-current={selected ? "page" : undefined}
                data-view={view}
                className={`inline-block rounded-full border px-2.5 py-0.5 text-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-500 ${selected ? "border-brand-600 bg-brand-600 font-medium text-white" : "border-slate-300 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"}`}
              >
                {VIEW_LABELS[view]}{" "}
                {counts ? (
                  <span
                    className={`ml-0.5 text-xs tabular-nums ${selected ? "text-white" : "text-slate-600 dark:text-slate-400"}`}
                    data-count
                  >
                    {counts[view]}
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
