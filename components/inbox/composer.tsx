"use client";

import { useState, type FormEvent, type KeyboardEvent } from "react";
import { useReply } from "@/lib/client/messages";
import { countSegments } from "@/sandbox/bandwidth/segments";

const MAX_TEXT = 2048;

/** Reply box: Enter sends, Shift+Enter breaks the line; a live segment count shows the cost. */
export function Composer({ conversationId, isGroup }: { conversationId: string; isGroup: boolean }) {
  const [text, setText] = useState("");
  const reply = useReply(conversationId);
  const info = countSegments(text);
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
        className="w-full resize-y rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
      />
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
        <p aria-live="polite" data-testid="segment-counter">
          {isGroup ? "Group message: sent as one MMS. " : ""}
          {info.encoding} · {info.segments} segment{info.segments === 1 ? "" : "s"} · {info.remaining} characters left in this segment
          {info.nonGsmCharacters.length > 0 ? (
            <span className="block text-amber-800 dark:text-amber-300">
              {info.nonGsmCharacters.map((c) => `“${c}”`).join(" ")} {info.nonGsmCharacters.length === 1 ? "is" : "are"} not in the GSM-7 alphabet, so the whole
              message is sent as UCS-2 (70 characters per segment instead of 160).
            </span>
          ) : null}
          {tooLong ? <span className="block text-red-700 dark:text-red-300">At most {MAX_TEXT} characters.</span> : null}
        </p>
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
