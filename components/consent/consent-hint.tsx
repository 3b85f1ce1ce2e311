"use client";

import { useState } from "react";
import { ConsentDialog } from "@/components/consent/consent-dialog";
import { classifyKeyword, mayBeStopRequest, type ConsentKeyword } from "@/lib/bandwidth/consent-keywords";

const CHIP: Record<ConsentKeyword, string> = {
  opt_out: "Opt-out keyword",
  opt_in: "Opt-in keyword",
  help: "Help keyword",
};

type Props = {
  message: { id: string; from: string; text: string };
  ourNumber: string;
  /** The sender has opted out already: no hint to record it again. */
  senderOptedOut: boolean;
};

/**
 * Under a customer's message: a chip when it is a consent keyword (handled by itself), or a hint
 * when a longer message may be a request to stop, with one click to record the opt-out.
 */
export function ConsentHint({ message, ourNumber, senderOptedOut }: Props) {
  const [open, setOpen] = useState(false);
  const keyword = classifyKeyword(message.text);
  if (keyword) {
    return (
      <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
        {CHIP[keyword]}
      </span>
    );
  }
  if (senderOptedOut || !mayBeStopRequest(message.text)) return null;
  return (
    <div className="flex max-w-[75%] flex-wrap items-center gap-2 text-xs text-amber-900 dark:text-amber-200">
      <span>This may be a request to stop.</span>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-amber-400 px-2 py-0.5 font-medium hover:bg-amber-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-amber-700 dark:hover:bg-amber-950"
      >
        Record opt-out
      </button>
      {open ? (
        <ConsentDialog
          request={{
            action: "opt_out",
            phoneNumber: message.from,
            ourNumber,
            reason: reasonFrom(message.text),
            messageId: message.id,
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}

/** The customer's own words as the reason, on one line and within the reason's 500 characters. */
function reasonFrom(text: string): string {
  const words = text.replace(/\s+/g, " ").trim();
  const quoted = words.length > 440 ? `${words.slice(0, 440)}…` : words;
  return `Customer wrote: "${quoted}"`;
}
