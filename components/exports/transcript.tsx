import Link from "next/link";
import { PrintButton } from "@/components/exports/print-button";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import type { ConversationExport, ExportedConversationMessage } from "@/lib/exports/conversation-export";
import { toTimeline } from "@/lib/validations/timeline";

// The printable transcript of one conversation (admins). Server-rendered; on paper the controls are
// hidden and the page is light whatever the screen's color scheme.

const muted = "text-slate-600 dark:not-print:text-slate-400";
const card = "rounded-lg border border-slate-200 p-3 break-inside-avoid dark:not-print:border-slate-700";

export function Transcript({ data, tz, exportedBy }: { data: ConversationExport; tz: string; exportedBy: string }) {
  const time = new Intl.DateTimeFormat("en-US", { timeZone: tz, dateStyle: "medium", timeStyle: "medium" });
  const when = (at: Date | string) => time.format(new Date(at));
  const { conversation } = data;
  const named = (number: string, label: string | null) =>
    label ? `${label} · ${formatPhoneNumber(number)}` : formatPhoneNumber(number);
  const labelOf = new Map(conversation.participants.map((p) => [p.phoneNumber, p.label]));
  const items = toTimeline(data.messages, data.activity, data.notes);
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 p-4 sm:p-6 print:max-w-none print:p-0">
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold">Conversation transcript</h1>
          <div className="flex flex-wrap gap-2 print:hidden">
            <PrintButton />
            <a
              href={`/api/admin/conversations/${conversation.id}/export`}
              download
              className="inline-flex items-center rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              Download JSON
            </a>
            <Link
              href={`/conversations/${conversation.id}`}
              className="inline-flex items-center px-2 py-2 text-sm font-medium text-brand-700 underline dark:text-brand-100"
            >
              Back to the conversation
            </Link>
          </div>
        </div>
        <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className={muted}>Our number</dt>
          <dd>{named(conversation.ourNumber, conversation.ourNumberLabel)}</dd>
          <dt className={muted}>{conversation.isGroup ? "Group with" : "With"}</dt>
          <dd>
            <ul>
              {conversation.participants.map((p) => (
                <li key={p.phoneNumber}>{named(p.phoneNumber, p.label)}</li>
              ))}
            </ul>
          </dd>
          <dt className={muted}>Messages</dt>
          <dd>
            {data.messages.length.toLocaleString("en-US")} · status {conversation.status}
          </dd>
          <dt className={muted}>Exported</dt>
          <dd>
            {when(new Date())} by {exportedBy} · times in {tz}
          </dd>
        </dl>
      </header>
      <ol className="flex flex-col gap-3" aria-label="Transcript">
        {items.map((item) => {
          if (item.kind === "message")
            return <MessageEntry key={item.key} message={item.message} when={when} labelOf={labelOf} />;
          if (item.kind === "note")
            return (
              <li key={item.key} className={`${card} border-amber-400 bg-amber-50 dark:not-print:bg-amber-950/40`}>
                <p className="text-xs font-semibold tracking-wide uppercase">Internal note</p>
                <p className={`text-xs ${muted}`}>
                  {item.note.author?.name ?? "A former teammate"} · {when(item.note.createdAt)}
                </p>
                <p className="mt-1 text-sm whitespace-pre-wrap">{item.note.body}</p>
              </li>
            );
          return (
            <li key={item.key} className={`px-3 text-xs italic ${muted}`}>
              {item.activity.description} · {when(item.activity.createdAt)}
            </li>
          );
        })}
      </ol>
    </main>
  );
}

function MessageEntry({
  message,
  when,
  labelOf,
}: {
  message: ExportedConversationMessage;
  when: (at: Date | string) => string;
  labelOf: Map<string, string | null>;
}) {
  const outbound = message.direction === "OUTBOUND";
  const name = (number: string) => labelOf.get(number) ?? formatPhoneNumber(number);
  return (
    <li className={`${card} ${outbound ? "ml-0 sm:ml-10 print:ml-10" : "mr-0 sm:mr-10 print:mr-10"}`}>
      <p className={`text-xs ${muted}`}>
        <span className="font-semibold text-slate-900 dark:not-print:text-slate-100">{message.author}</span>
        {" · "}
        {outbound ? "to " : "from "}
        {outbound ? message.to.map(name).join(", ") : formatPhoneNumber(message.from)}
        {" · "}
        <time dateTime={new Date(message.createdAt).toISOString()}>{when(message.createdAt)}</time>
      </p>
      {message.missedCallback ? (
        <p className={`mt-1 text-sm italic ${muted}`}>Known only from Bandwidth&apos;s records: no text was kept.</p>
      ) : message.text ? (
        <p className="mt-1 text-sm break-words whitespace-pre-wrap">{message.text}</p>
      ) : null}
      {message.media.length > 0 ? (
        <ul className="mt-2 flex flex-wrap gap-2">
          {message.media.map((file) => (
            <li key={file.id} className="flex flex-col items-start gap-1 text-xs">
              {file.thumbnailUrl ? (
                // eslint-disable-next-line @next/next/no-img-element -- our own thumbnail, behind the session
                <img src={file.thumbnailUrl} alt={file.fileName} className="max-h-32 rounded border border-slate-200" />
              ) : null}
              {file.url ? (
                <a href={file.url} className="break-all text-brand-700 underline dark:not-print:text-brand-100">
                  {file.fileName}
                </a>
              ) : (
                <span>
                  {file.fileName} ({file.status})
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {message.errorDetail ? <p className="mt-1 text-xs text-red-700">{message.errorDetail}</p> : null}
      {outbound && message.recipients.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-0.5 text-xs" aria-label="Recipients">
          {message.recipients.map((recipient) => (
            <li key={recipient.phoneNumber}>
              <span className="font-medium">{name(recipient.phoneNumber)}</span>: {recipient.status}
              {recipient.statusAt ? ` at ${when(recipient.statusAt)}` : ""}
              {recipient.errorCode !== null ? (
                <span className="text-red-700 dark:not-print:text-red-300">
                  {" "}
                  — error {recipient.errorCode}: {recipient.errorMeaning}
                </span>
              ) : null}
              {recipient.carrierName ? ` · carrier ${recipient.carrierName}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
