import { StatusBadge } from "@/components/inbox/status-badge";
import { explainError } from "@/lib/bandwidth/error-explanations";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import type { MessageView } from "@/lib/messaging/message-queries";

type Props = { messages: MessageView[]; names: Map<string, string>; isGroup: boolean };

/** A read-only thread, oldest first. */
export function MessageThread({ messages, names, isGroup }: Props) {
  const label = (number: string) => names.get(number) ?? formatPhoneNumber(number);
  return (
    <ol aria-label="Messages" className="flex flex-col gap-3 p-4">
      {[...messages].reverse().map((message) => {
        const outbound = message.direction === "OUTBOUND";
        return (
          <li key={message.id} className={`flex flex-col gap-1 ${outbound ? "items-end" : "items-start"}`}>
            {!outbound && isGroup ? <span className="text-xs font-medium text-slate-600 dark:text-slate-400">{label(message.from)}</span> : null}
            <div
              className={`max-w-[75%] whitespace-pre-wrap rounded-2xl px-4 py-2 text-sm ${outbound ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100"}`}
            >
              {message.text}
            </div>
            <div className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
              <time dateTime={message.createdAt.toISOString()}>
                {message.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" })}
              </time>
              {outbound ? <StatusBadge status={message.status} /> : null}
            </div>
            {outbound && message.errorDetail ? <p className="max-w-[75%] text-right text-xs text-amber-800 dark:text-amber-300">{message.errorDetail}</p> : null}
            {outbound && message.recipients.some((recipient) => recipient.status === "failed") ? (
              <ul className="text-xs text-red-700 dark:text-red-300">
                {message.recipients
                  .filter((recipient) => recipient.status === "failed")
                  .map((recipient) => {
                    const why = explainError(recipient.errorCode, recipient.errorDescription);
                    return (
                      <li key={recipient.phoneNumber}>
                        {why.unconfirmed ? "Delivery unconfirmed for" : "Not delivered to"} {label(recipient.phoneNumber)}: {why.title} (error {why.code}). {why.action}
                      </li>
                    );
                  })}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
