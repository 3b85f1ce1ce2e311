"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { BulkActions } from "@/components/inbox/bulk-actions";
import { ConversationRow } from "@/components/inbox/conversation-row";
import { ListLoadProblem } from "@/components/inbox/list-load-problem";
import { ViewTabs } from "@/components/inbox/view-tabs";
import { controlClass } from "@/components/ui/control";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { useConversationList, useSenderNumbers } from "@/lib/client/conversations";
import { defaultView, emptyViewText } from "@/lib/client/inbox-views";
import { focusReplyWhenOpened } from "@/lib/client/reply-focus";
import { useInboxLocation } from "@/lib/client/use-inbox-location";
import { useShortcuts } from "@/lib/client/use-shortcuts";
import { useConversationCounts } from "@/lib/client/workflow";

const NONE: ReadonlySet<string> = new Set();

/**
 * The conversation list: views with live counts, search, filter by our number, bulk selection,
 * infinite scroll, j/k/Enter and "/". The view and the number filter live in the address.
 */
export function ConversationListPanel({ selectedId }: { selectedId?: string }) {
  const router = useRouter();
  const location = useInboxLocation();
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  const numbers = useSenderNumbers();
  const counts = useConversationCounts(location.ownerNumber || undefined);
  // Without a view in the address, the first counts decide (Mine if it has anything, else
  // Unassigned), and the choice is written into the address so it does not change under the agent.
  const view = location.view ?? (counts.data ? defaultView(counts.data) : counts.isError ? "open" : null);
  const { update } = location;
  // Writing the address while a click is taking the agent elsewhere would cancel that navigation
  // (Next's router takes the write as the newer one): once a link to another page is clicked, the
  // default stays unwritten.
  const leaving = useRef(false);
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (link instanceof HTMLAnchorElement && link.pathname !== window.location.pathname) leaving.current = true;
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, []);
  useEffect(() => {
    if (!location.view && view && !leaving.current) update({ view }, "replace");
  }, [location.view, view, update]);

  const filters = {
    view: view ?? undefined,
    q: debounced || undefined,
    ownerNumber: location.ownerNumber || undefined,
  };
  const query = useConversationList(filters, view !== null);
  const conversations = query.data?.pages.flatMap((page) => page.conversations) ?? [];
  const search = useRef<HTMLInputElement>(null);
  const bottom = useRef<HTMLLIElement>(null);

  // A selection belongs to the list it was made in: another view, search or filter starts empty.
  const listKey = JSON.stringify(filters);
  const [selection, setSelection] = useState({ key: listKey, ids: NONE });
  const selectedIds = selection.key === listKey ? selection.ids : NONE;
  const select = (ids: Iterable<string>) => setSelection({ key: listKey, ids: new Set(ids) });

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 200);
    return () => clearTimeout(timer);
  }, [q]);

  useShortcuts({
    search: () => search.current?.focus(),
    next: () => moveFocus(1),
    previous: () => moveFocus(-1),
  });

  useEffect(() => {
    const sentinel = bottom.current;
    if (!sentinel) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && query.hasNextPage && !query.isFetchingNextPage)
        void query.fetchNextPage();
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [query]);

  const shown = conversations.map(({ id, title }) => ({ id, title }));
  return (
    <div className="flex min-h-0 min-w-0 flex-1 flex-col">
      <div className="flex flex-col gap-2 p-3">
        <Link
          href={location.newHref}
          className="rounded-md bg-brand-600 px-3 py-1.5 text-center text-sm font-medium text-white hover:bg-brand-700"
        >
          New message
        </Link>
        <label htmlFor="conversation-search" className="sr-only">
          Search conversations
        </label>
        <input
          id="conversation-search"
          ref={search}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") (event.target as HTMLInputElement).blur();
            if (event.key === "Enter" && conversations[0]) {
              focusReplyWhenOpened(conversations[0].id);
              router.push(location.conversationHref(conversations[0].id));
            }
          }}
          placeholder="Search number, name or text  ( / )"
          className={`min-w-0 px-3 py-1.5 text-sm ${controlClass}`}
        />
        <label htmlFor="owner-filter" className="sr-only">
          Show conversations of
        </label>
        <select
          id="owner-filter"
          value={location.ownerNumber}
          onChange={(event) => update({ ownerNumber: event.target.value }, "replace")}
          className={`min-w-0 px-2 py-1.5 text-sm ${controlClass}`}
        >
          <option value="">All our numbers</option>
          {(numbers.data ?? []).map((number) => (
            <option key={number.e164} value={number.e164}>
              {number.label ? `${number.label} · ` : ""}
              {formatPhoneNumber(number.e164)}
            </option>
          ))}
        </select>
      </div>
      <ViewTabs
        current={view}
        counts={counts.data}
        hrefOf={location.viewHref}
        onChoose={(next) => update({ view: next }, "push")}
      />
      {view ? (
        <BulkActions
          view={view}
          shown={shown}
          selected={shown.filter((conversation) => selectedIds.has(conversation.id))}
          onSelect={select}
        />
      ) : null}
      {query.isPending ? (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Loading conversations…</p>
      ) : null}
      {query.isError ? <ListLoadProblem message={query.error.message} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && conversations.length === 0 && view ? (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">
          {emptyViewText(view, Boolean(debounced || location.ownerNumber))}
        </p>
      ) : null}
      <ul
        aria-label="Conversations"
        className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto dark:divide-slate-800"
      >
        {conversations.map((conversation) => (
          <ConversationRow
            key={conversation.id}
            conversation={conversation}
            href={location.conversationHref(conversation.id)}
            current={conversation.id === selectedId}
            selected={selectedIds.has(conversation.id)}
            onSelect={(on) =>
              select(on ? [...selectedIds, conversation.id] : [...selectedIds].filter((id) => id !== conversation.id))
            }
          />
        ))}
        <li ref={bottom} aria-hidden className="h-px" />
      </ul>
    </div>
  );
}

/** j/k: the next or previous conversation link (from the open one when nothing has focus). */
function moveFocus(step: 1 | -1) {
  const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-conversation-link]")];
  if (links.length === 0) return;
  const current = links.findIndex(
    (link) =>
      link === document.activeElement ||
      (document.activeElement === document.body && link.getAttribute("aria-current") === "page"),
  );
  const next = step === 1 ? Math.min(links.length - 1, current + 1) : Math.max(0, current - 1);
  links[next]?.focus();
}
