"use client";

import Link from "next/link";
import { StatusIcon, statusLabel } from "@/components/inbox/status-icon";
import { explainError } from "@/lib/bandwidth/error-explanations";
import { useInboxLocation } from "@/lib/client/use-inbox-location";
import type { Message } from "@/lib/client/types";
import { mayRetryRecipient } from "@/lib/messaging/retry-rule";

type Props = { message: Message; label: (number: string) => string; onRetry: () => void; retrying: boolean };
type Recipient = Message["recipients"][number];

/**
 * Who got an outbound message and who did not, and why. A failure a retry can help with can be
 * sent again, once: after that the recipient says where the retry went instead of offering it.
 */
export function RecipientBreakdown({ message, label, onRetry, retrying }: Props) {
  const failed = message.recipients.filter((r) => r.status === "failed" || r.status === "unconfirmed");
  const retryable = message.recipients.filter((r) => mayRetryRecipient(r) && !r.retriedAs);
  const showList = message.recipients.length > 1 || failed.length > 0;
  return (
    <div className="flex max-w-[75%] flex-col items-end gap-1 text-xs">
      {showList ? (
        <ul aria-label="Delivery by recipient" className="flex flex-col items-end gap-0.5">
          {message.recipients.map((recipient) => {
            const why =
              recipient.status === "failed" ? explainError(recipient.errorCode, recipient.errorDescription) : null;
            const status = why?.unconfirmed ? "unconfirmed" : recipient.status;
            return (
              <li
                key={recipient.phoneNumber}
                className="text-right"
                data-recipient={recipient.phoneNumber}
                data-status={status}
              >
                <span className="text-slate-600 dark:text-slate-300">{label(recipient.phoneNumber)}</span>{" "}
                <StatusIcon status={status} />{" "}
                <span className="text-slate-600 dark:text-slate-400">{statusLabel(status)}</span>
                {why ? (
                  <p
                    className={
                      why.unconfirmed ? "text-amber-800 dark:text-amber-300" : "text-red-700 dark:text-red-300"
                    }
                  >
                    {why.unconfirmed ? "Delivery unconfirmed for" : "Not delivered to"} {label(recipient.phoneNumber)}:{" "}
                    {why.title} (error {why.code}). {why.action}
                  </p>
                ) : null}
                {recipient.retriedAs ? <RetriedAs recipient={recipient} label={label} /> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {retryable.length > 0 ? (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="rounded-md border border-slate-300 px-2 py-1 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          {retrying
            ? "Sending again…"
            : `Retry ${retryable.length === 1 ? label(retryable[0]?.phoneNumber ?? "") : `${retryable.length} recipients`}`}
        </button>
      ) : null}
    </div>
  );
}

/** "Sent separately to (555) 123-5500: open", the retry's conversation one click away. */
function RetriedAs({ recipient, label }: { recipient: Recipient; label: (number: string) => string }) {
  const location = useInboxLocation();
  const conversationId = recipient.retriedAs?.conversationId;
  return (
    <p data-retried-as className="text-slate-700 dark:text-slate-300">
      {conversationId ? (
        <>
          Sent separately to {label(recipient.phoneNumber)}:{" "}
          <Link
            href={location.conversationHref(conversationId)}
            className="font-medium text-brand-700 underline underline-offset-2 dark:text-sky-300"
            aria-label={`Open the separate conversation with ${label(recipient.phoneNumber)}`}
          >
            open
          </Link>
        </>
      ) : (
        <>Sending separately to {label(recipient.phoneNumber)}…</>
      )}
    </p>
  );
}
