"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { MAX_TEXT, SegmentCounter } from "@/components/inbox/segment-counter";
import { useReply } from "@/lib/client/messages";
import { controlClass } from "@/components/ui/control";

/** Reply box: Enter sends, Shift+Enter breaks the line; a live segment count shows the cost. */
export function Composer({ conversationId, isGroup }: { conversationId: string; isGroup: boolean }) {
  const [text, setText] = useState("");
  const reply = useReply(conversationId);
  const tooLong = text.length > MAX_TEXT;

  const send = () => {
    if (!text.trim() || tooLong || reply.isPending) return;
    reply.mutate(text, { onSuccess: () => setText("") });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  return (
    <form onSubmit={onSubmit} className="border-t border-slate-200 p-3 dark:border-slate-800" aria-label="Reply">
      {reply.isError ? (
        <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">
          Not sent: {reply.error.message}
        </p>
      ) : null}
      <label htmlFor="composer-text" className="sr-only">
        Message
      </label>
      <textarea
        id="composer-text"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        placeholder="Write a reply — Enter sends, Shift+Enter for a new line"
        className={`w-full resize-y px-3 py-2 text-sm ${controlClass}`}
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <SegmentCounter text={text} mms={isGroup} />
        <button
          type="submit"
          disabled={!text.trim() || tooLong || reply.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {reply.isPending ? "Sending…" : "Send"}
        </button>
      </div>
    </form>
  );
}
