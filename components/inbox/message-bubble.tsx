"use client";

import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { ConsentHint } from "@/components/consent/consent-hint";
import { MediaGrid } from "@/components/inbox/media-grid";
import { RecipientBreakdown } from "@/components/inbox/recipient-breakdown";
import { MessageStatus } from "@/components/inbox/message-status";
import { MessageText } from "@/components/inbox/message-text";
import { statusSourceNote } from "@/lib/client/missed-callback";
import type { Message } from "@/lib/client/types";
import { outboundAuthor } from "@/lib/validations/message-view";

type Props = {
  message: Message;
  isGroup: boolean;
  label: (number: string) => string;
  onRetry: (id: string) => void;
  retrying: boolean;
  /** Our number in this conversation, and who in it opted out: for the consent hints. */
  consent?: { ourNumber: string; optedOut: ReadonlySet<string> };
};

export function MessageBubble({ message, isGroup, label, onRetry, retrying, consent }: Props) {
  const outbound = message.direction === "OUTBOUND";
  // A group text another of our numbers sent: ours, on our side, though it came in.
  const ours = outbound || message.fromOurLine;
  const author = outboundAuthor(message);
  const time = new Date(message.createdAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
  const fromRecords = outbound ? statusSourceNote(message.recipients) : null;
  return (
    <div className={`flex flex-col gap-1 ${ours ? "items-end" : "items-start"}`} data-message-id={message.id}>
      {message.fromOurLine ? (
        <span className="text-xs font-medium text-slate-600 dark:text-slate-400">
          Sent from our line {formatPhoneNumber(message.from)}
        </span>
      ) : !outbound && isGroup ? (
        <span className="text-xs font-medium text-slate-600 dark:text-slate-400">{label(message.from)}</span>
      ) : null}
      <MediaGrid media={message.media} />
      <MessageText message={message} outbound={outbound} />
      <div className="flex flex-wrap items-center gap-x-1 text-xs text-slate-600 dark:text-slate-400">
        {outbound && author ? (
          <>
            <span data-author>{author}</span>
            <span aria-hidden>·</span>
          </>
        ) : null}
        <time dateTime={message.createdAt}>{time}</time>
        {outbound ? <MessageStatus message={message} /> : null}
      </div>
      {!ours && consent && message.text ? (
        <ConsentHint
          message={message}
          ourNumber={consent.ourNumber}
          senderOptedOut={consent.optedOut.has(message.from)}
        />
      ) : null}
      {fromRecords ? (
        <p data-status-source="records" className="max-w-[75%] text-right text-xs text-slate-600 dark:text-slate-400">
          {fromRecords}
        </p>
      ) : null}
      {outbound && message.errorDetail ? (
        <p className="max-w-[75%] text-right text-xs text-amber-800 dark:text-amber-300">{message.errorDetail}</p>
      ) : null}
      {outbound ? (
        <RecipientBreakdown message={message} label={label} onRetry={() => onRetry(message.id)} retrying={retrying} />
      ) : null}
    </div>
  );
}
