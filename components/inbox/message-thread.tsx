"use client";

import { useEffect, useLayoutEffect, useMemo, useRef } from "react";
import { MessageBubble } from "@/components/inbox/message-bubble";
import { useMessages, useRetryFailed } from "@/lib/client/messages";
import type { Message } from "@/lib/client/types";

type Props = { conversationId: string; isGroup: boolean; label: (number: string) => string };

/** The thread, oldest at the top; older pages load when the top comes into view. */
export function MessageThread({ conversationId, isGroup, label }: Props) {
  const query = useMessages(conversationId);
  const retry = useRetryFailed();
  const scroller = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const messages = useMemo(() => (query.data?.pages.flatMap((page) => page.messages) ?? []).slice().reverse(), [query.data]);
  const newest = messages[messages.length - 1]?.id;

  // Stay at the bottom as messages arrive (unless the agent scrolled up to read).
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const nearBottom = element.scrollHeight - element.scrollTop - element.clientHeight < 200;
    if (nearBottom || element.dataset.initialised !== "yes") {
      element.scrollTop = element.scrollHeight;
      if (newest) element.dataset.initialised = "yes";
    }
  }, [newest]);

  useEffect(() => {
    const sentinel = top.current;
    if (!sentinel) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting) && query.hasNextPage && !query.isFetchingNextPage) {
        const element = scroller.current;
        const before = element?.scrollHeight ?? 0;
        void query.fetchNextPage().then(() => {
          if (element) element.scrollTop += element.scrollHeight - before; // keep the reading position
        });
      }
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [query]);

  if (query.isPending) return <p className="p-6 text-sm text-slate-500">Loading messages…</p>;
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
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto" data-testid="thread-scroller">
      <div ref={top} aria-hidden className="h-px" />
      {query.isFetchingNextPage ? <p className="p-2 text-center text-xs text-slate-500">Loading older messages…</p> : null}
      {!query.hasNextPage && messages.length > 0 ? <p className="p-2 text-center text-xs text-slate-500">Start of the conversation</p> : null}
      <ol aria-label="Messages" className="flex flex-col gap-3 p-4">
        {messages.map((message, index) => (
          <DayAndMessage key={message.id} message={message} previous={messages[index - 1]} isGroup={isGroup} label={label} onRetry={(id) => retry.mutate(id)} retrying={retry.isPending && retry.variables === message.id} />
        ))}
      </ol>
      {retry.isError ? (
        <p role="alert" className="px-4 pb-2 text-xs text-red-700 dark:text-red-300">
          Could not send it again: {retry.error.message}
        </p>
      ) : null}
    </div>
  );
}

function DayAndMessage(props: { message: Message; previous: Message | undefined; isGroup: boolean; label: (n: string) => string; onRetry: (id: string) => void; retrying: boolean }) {
  const day = new Date(props.message.createdAt).toDateString();
  const newDay = !props.previous || new Date(props.previous.createdAt).toDateString() !== day;
  return (
    <>
      {newDay ? (
        <li className="my-2 text-center text-xs font-medium text-slate-600 dark:text-slate-400">
          {new Date(props.message.createdAt).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric" })}
        </li>
      ) : null}
      <MessageBubble message={props.message} isGroup={props.isGroup} label={props.label} onRetry={props.onRetry} retrying={props.retrying} />
    </>
  );
}
