"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { StatusIcon } from "@/components/inbox/status-icon";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { useConversationList, useSenderNumbers } from "@/lib/client/conversations";
import { formatRelativeTime } from "@/lib/client/format-time";
import { controlClass } from "@/components/ui/control";

/** The conversation list: search, filter by our number, infinite scroll, j/k/Enter and "/". */
export function ConversationListPanel({ selectedId }: { selectedId?: string }) {
  const router = useRouter();
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  const [ownerNumber, setOwnerNumber] = useState("");
  const numbers = useSenderNumbers();
  const query = useConversationList({ q: debounced || undefined, ownerNumber: ownerNumber || undefined });
  const conversations = query.data?.pages.flatMap((page) => page.conversations) ?? [];
  const search = useRef<HTMLInputElement>(null);
  const bottom = useRef<HTMLLIElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 200);
    return () => clearTimeout(timer);
  }, [q]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (
        target.closest("input, textarea, select, dialog, [contenteditable=true]") ||
        event.metaKey ||
        event.ctrlKey ||
        event.altKey
      )
        return;
      if (event.key === "/") {
        event.preventDefault();
        search.current?.focus();
      } else if (event.key === "j" || event.key === "k") {
        const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-conversation-link]")];
        if (links.length === 0) return;
        const current = links.findIndex(
          (link) =>
            link === document.activeElement ||
            (document.activeElement === document.body && link.getAttribute("aria-current") === "page"),
        );
        const next = event.key === "j" ? Math.min(links.length - 1, current + 1) : Math.max(0, current - 1);
        links[next]?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

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

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-col gap-2 p-3">
        <Link
          href="/conversations/new"
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
            if (event.key === "Enter" && conversations[0]) router.push(`/conversations/${conversations[0].id}`);
          }}
          placeholder="Search number, name or text  ( / )"
          className={`px-3 py-1.5 text-sm ${controlClass}`}
        />
        <label htmlFor="owner-filter" className="sr-only">
          Show conversations of
        </label>
        <select
          id="owner-filter"
          value={ownerNumber}
          onChange={(event) => setOwnerNumber(event.target.value)}
          className={`px-2 py-1.5 text-sm ${controlClass}`}
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
      {query.isPending ? <p className="p-4 text-sm text-slate-500">Loading conversations…</p> : null}
      {query.isError ? (
        <p role="alert" className="p-4 text-sm text-red-700 dark:text-red-300">
          Could not load conversations ({query.error.message}). They will reload by themselves.
        </p>
      ) : null}
      {query.isSuccess && conversations.length === 0 ? (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">
          {debounced || ownerNumber
            ? "No conversation matches. Clear the search or the filter."
            : "No conversations yet. When a customer texts one of your numbers, it shows up here."}
        </p>
      ) : null}
      <ul
        aria-label="Conversations"
        className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto dark:divide-slate-800"
      >
        {conversations.map((conversation) => (
          <li key={conversation.id}>
            <Link
              href={`/conversations/${conversation.id}`}
              data-conversation-link
              aria-current={conversation.id === selectedId ? "page" : undefined}
              className="flex gap-3 px-4 py-3 outline-none hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-brand-500 aria-[current=page]:bg-brand-50 dark:hover:bg-slate-900 dark:focus-visible:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
            >
              <Avatar names={conversation.participants.map((p) => p.name ?? p.phoneNumber)} />
              <span className="flex min-w-0 flex-1 flex-col gap-0.5">
                <span className="flex items-baseline justify-between gap-2">
                  <span className={`truncate ${conversation.unreadCount > 0 ? "font-semibold" : "font-medium"}`}>
                    {conversation.isGroup ? (
                      <span className="mr-1 text-xs font-normal text-slate-600 dark:text-slate-400">Group ·</span>
                    ) : null}
                    {conversation.title}
                  </span>
                  <time
                    className="shrink-0 text-xs text-slate-600 dark:text-slate-400"
                    dateTime={conversation.updatedAt}
                  >
                    {formatRelativeTime(new Date(conversation.updatedAt))}
                  </time>
                </span>
                <span className="flex items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
                  <span className="flex min-w-0 items-center gap-1">
                    {conversation.lastMessage?.direction === "OUTBOUND" ? (
                      <StatusIcon status={conversation.lastMessage.status} />
                    ) : null}
                    <span className="truncate">
                      {conversation.lastMessage?.direction === "OUTBOUND" ? "You: " : ""}
                      {conversation.lastMessage?.preview}
                    </span>
                  </span>
                  {conversation.unreadCount > 0 ? (
                    <span
                      className="shrink-0 rounded-full bg-brand-600 px-2 text-xs font-semibold text-white"
                      aria-label={`${conversation.unreadCount} unread`}
                    >
                      {conversation.unreadCount}
                    </span>
                  ) : null}
                </span>
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  via {formatPhoneNumber(conversation.ownerNumber)}
                </span>
              </span>
            </Link>
          </li>
        ))}
        <li ref={bottom} aria-hidden className="h-px" />
      </ul>
    </div>
  );
}

function Avatar({ names }: { names: string[] }) {
  const initials = (name: string) =>
    /^\+?\d/.test(name)
      ? "#"
      : name
          .split(/\s+/)
          .map((part) => part[0])
          .join("")
          .slice(0, 2)
          .toUpperCase();
  const shown = names.slice(0, 2);
  return (
    <span aria-hidden className="relative mt-0.5 h-9 w-9 shrink-0">
      {shown.map((name, index) => (
        <span
          key={index}
          className={`absolute flex items-center justify-center rounded-full border-2 border-white bg-slate-200 text-xs font-semibold text-slate-700 dark:border-slate-950 dark:bg-slate-700 dark:text-slate-100 ${shown.length > 1 ? `h-6 w-6 ${index === 0 ? "left-0 top-0" : "bottom-0 right-0"}` : "inset-0"}`}
        >
          {initials(name)}
        </span>
      ))}
    </span>
  );
}
