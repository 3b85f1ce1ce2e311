"use client";

import { StatusIcon, statusLabel } from "@/components/inbox/status-icon";
import { explainError } from "@/lib/bandwidth/error-explanations";
import type { Message } from "@/lib/client/types";

type Props = { message: Message; label: (number: string) => string; onRetry: () => void; retrying: boolean };

/** Who got an outbound message and who did not, and why; failed recipients can be retried. */
export function RecipientBreakdown({ message, label, onRetry, retrying }: Props) {
  const failed = message.recipients.filter((r) => r.status === "failed" || r.status === "unconfirmed");
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
                <span className="text-slate-500 dark:text-slate-400">{statusLabel(status)}</span>
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
              </li>
            );
          })}
        </ul>
      ) : null}
      {failed.length > 0 ? (
        <button
          type="button"
          onClick={onRetry}
          disabled={retrying}
          className="rounded-md border border-slate-300 px-2 py-1 font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
        >
          {retrying
            ? "Sending again…"
            : `Retry ${failed.length === 1 ? label(failed[0]?.phoneNumber ?? "") : `${failed.length} recipients`}`}
        </button>
      ) : null}
    </div>
  );
}
