"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { ActivityRow } from "@/components/inbox/activity-row";
import { MessageBubble } from "@/components/inbox/message-bubble";
import { NoteRow } from "@/components/inbox/note-row";
import { useMessages, useRetryFailed } from "@/lib/client/messages";
import type { Activity, Message, Note } from "@/lib/client/types";
import { toTimeline, type TimelineItem } from "@/lib/validations/timeline";

type Props = {
  conversationId: string;
  isGroup: boolean;
  label: (number: string) => string;
  /** Our number and who opted out, for the hints under customers' messages. */
  consent?: { ourNumber: string; optedOut: ReadonlySet<string> };
};

type Row = { kind: "day"; key: string; text: string } | TimelineItem<Message, Activity, Note>;

/**
 * The thread, oldest at the top, virtualised: only the rows in view (and a few around) are in the
 * page, so a thread of thousands of messages scrolls smoothly. Older pages load when the agent
 * reaches the top; the reading position is kept.
 */
export function MessageThread({ conversationId, isGroup, label, consent }: Props) {
  const query = useMessages(conversationId);
  const retry = useRetryFailed(conversationId);
  const scroller = useRef<HTMLDivElement>(null);
  const keepFromBottom = useRef<number | null>(null);
  const rows = useMemo(() => {
    const pages = query.data?.pages ?? [];
    return toRows(
      toTimeline(
        pages.flatMap((page) => page.messages).reverse(),
        pages.flatMap((page) => page.activity ?? []),
        pages.flatMap((page) => page.notes ?? []),
      ),
    );
  }, [query.data]);
  const newest = rows[rows.length - 1]?.key;

  // The React Compiler is not used here, so its caution about memoizing this hook does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === "day" ? 32 : 96),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 8,
  });

  // After older messages are prepended, put the agent back where they were reading.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && keepFromBottom.current !== null) {
      element.scrollTop = element.scrollHeight - keepFromBottom.current;
      keepFromBottom.current = null;
    }
  }, [rows.length]);

  // Open at the newest message, and follow new ones unless the agent scrolled up to read.
  const pinned = useRef(true);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !newest) return;
    const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 240;
    if (pinned.current || nearBottom || element.dataset.initialised !== "yes") {
      virtualizer.scrollToIndex(rows.length - 1, { align: "end" });
      element.dataset.initialised = "yes";
      pinned.current = true;
    }
  }, [newest, rows.length, virtualizer]);

  // Rows are measured after they render (a picture is taller than the estimate): while the agent
  // is at the bottom, stay there as the thread grows.
  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && pinned.current && element.dataset.initialised === "yes") element.scrollTop = element.scrollHeight;
  }, [totalSize]);
  // The thread's box shrinks when the composer grows (a long draft, an attachment or its error):
  // while pinned, the newest message and its status stay in sight.
  useEffect(() => {
    const element = scroller.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (pinned.current && element.dataset.initialised === "yes") element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [query.isPending]);
  // Only the agent moving up unpins (our own scrolling only ever goes down); reaching the bottom pins again.
  const lastTop = useRef(0);
  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    if (element.scrollHeight - element.scrollTop - element.clientHeight < 80) pinned.current = true;
    else if (element.scrollTop < lastTop.current - 2 && keepFromBottom.current === null) pinned.current = false;
    lastTop.current = element.scrollTop;
  };

  const items = virtualizer.getVirtualItems();
  const atTop = items[0]?.index === 0;
  useEffect(() => {
    const element = scroller.current;
    if (!atTop || !element || element.dataset.initialised !== "yes" || !query.hasNextPage || query.isFetchingNextPage)
      return;
    keepFromBottom.current = element.scrollHeight - element.scrollTop;
    void query.fetchNextPage();
  }, [atTop, query]);

  if (query.isPending) return <p className="p-6 text-sm text-slate-600 dark:text-slate-400">Loading messages…</p>;
  if (query.isError) {
    return (
      <div role="alert" className="p-6 text-sm text-red-700 dark:text-red-300">
        Could not load this conversation ({query.error.message}).{" "}
        <button type="button" className="underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  return (
    // Focusable, so the keyboard can scroll it even when nothing in it takes focus (e.g. replies off).
    <div
      ref={scroller}
      onScroll={onScroll}
      tabIndex={0}
      role="region"
      aria-label="Thread"
      className="min-h-0 flex-1 overflow-y-auto outline-none focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset"
      data-testid="thread-scroller"
    >
      {query.isFetchingNextPage ? (
        <p className="p-2 text-center text-xs text-slate-600 dark:text-slate-400">Loading older messages…</p>
      ) : null}
      {!query.hasNextPage && rows.length > 0 ? (
        <p className="p-2 text-center text-xs text-slate-600 dark:text-slate-400">Start of the conversation</p>
      ) : null}
      <ol aria-label="Messages" className="relative px-4" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="absolute inset-x-4 py-1.5"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {row.kind === "day" ? (
                <p className="my-1 text-center text-xs font-medium text-slate-600 dark:text-slate-400">{row.text}</p>
              ) : row.kind === "activity" ? (
                <ActivityRow activity={row.activity} />
              ) : row.kind === "note" ? (
                <NoteRow note={row.note} />
              ) : (
                <MessageBubble
                  message={row.message}
                  isGroup={isGroup}
                  label={label}
                  onRetry={(id) => retry.mutate(id)}
                  retrying={retry.isPending && retry.variables === row.message.id}
                  consent={consent}
                />
              )}
            </li>
          );
        })}
      </ol>
      {retry.isError ? (
        <p role="alert" className="px-4 pb-2 text-xs text-red-700 dark:text-red-300">
          Could not send it again: {retry.error.message}
        </p>
      ) : null}
    </div>
  );
}

/** The timeline with a separator before each new day. */
function toRows(timeline: Array<TimelineItem<Message, Activity, Note>>): Row[] {
  const rows: Row[] = [];
  let day = "";
  for (const item of timeline) {
    const date = new Date(item.at);
    if (date.toDateString() !== day) {
      day = date.toDateString();
      rows.push({
        kind: "day",
        key: `day-${day}`,
        text: date.toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric" }),
      });
    }
    rows.push(item);
  }
  return rows;
}
