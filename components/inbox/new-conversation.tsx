"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { BackToList } from "@/components/inbox/back-to-list";
import { AttachButton, AttachmentDropZone, AttachmentTray, pasteFiles } from "@/components/inbox/attachment-tray";
import { SendWithoutThem } from "@/components/consent/send-without-them";
import { RecipientChips } from "@/components/inbox/recipient-chips";
import { MAX_TEXT, SegmentCounter } from "@/components/inbox/segment-counter";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import { useAttachments } from "@/lib/client/attachments";
import { optedOutRefusal } from "@/lib/client/consent";
import { notSentInWords } from "@/lib/client/consent-words";
import { useSenderNumbers } from "@/lib/client/conversations";
import { useStartConversation } from "@/lib/client/messages";
import { groupFromTollFreeProblem } from "@/lib/validations/send-message";
import { controlClass } from "@/components/ui/control";

/** Start a conversation: which of our numbers sends, to whom (1–10), and the text. */
export function NewConversation() {
  const router = useRouter();
  const numbers = useSenderNumbers();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState<string[]>([]);
  const [text, setText] = useState("");
  // Default to a number that can text a group (toll-free numbers cannot).
  const sender = from || (numbers.data?.find((number) => !number.tollFree) ?? numbers.data?.[0])?.e164 || "";
  const tollFreeProblem = sender ? groupFromTollFreeProblem(sender, to) : null;
  const attachments = useAttachments({ tollFree: Boolean(sender) && isTollFreeNumber(sender) });
  const { mediaIds } = attachments;
  const send = useStartConversation();
  const refusal = optedOutRefusal(send.error);
  const refused = new Set(refusal?.optedOut.map((view) => view.phoneNumber) ?? []);
  const attachmentsOk = !attachments.busy && !attachments.failed && attachments.problems.length === 0;
  const ready =
    Boolean(sender) &&
    to.length > 0 &&
    (text.trim().length > 0 || mediaIds.length > 0) &&
    text.length <= MAX_TEXT &&
    !tollFreeProblem &&
    attachmentsOk &&
    !send.isPending;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (ready)
      send.mutate(
        { from: sender, to, text, mediaIds },
        { onSuccess: (message) => router.push(`/conversations/${message.conversationId}`) },
      );
  };

  return (
    <section aria-labelledby="new-heading" className="flex min-h-0 flex-1 flex-col overflow-y-auto p-4">
      <BackToList />
      <h1 id="new-heading" className="mb-4 font-semibold">
        New message
      </h1>
      <form onSubmit={onSubmit} className="flex max-w-2xl flex-col gap-4" aria-label="New message">
        <div className="flex flex-col gap-1">
          <label htmlFor="from-number" className="text-sm font-medium">
            From
          </label>
          <select
            id="from-number"
            value={sender}
            onChange={(event) => setFrom(event.target.value)}
            className={`px-2 py-1.5 text-sm ${controlClass}`}
          >
            {(numbers.data ?? []).map((number) => (
              <option key={number.e164} value={number.e164}>
                {number.label ? `${number.label} · ` : ""}
                {formatPhoneNumber(number.e164)}
                {number.tollFree ? " (toll-free: one recipient at a time)" : ""}
              </option>
            ))}
          </select>
          {numbers.isSuccess && numbers.data.length === 0 ? (
            <p className="text-sm text-amber-800 dark:text-amber-300">
              You may not send from any number yet. Ask an admin.
            </p>
          ) : null}
        </div>
        <RecipientChips value={to} onChange={setTo} problem={tollFreeProblem} />
        <AttachmentDropZone attachments={attachments} className="flex flex-col gap-1">
          <label htmlFor="new-text" className="text-sm font-medium">
            Message
          </label>
          <AttachmentTray attachments={attachments} />
          <textarea
            id="new-text"
            rows={4}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onPaste={pasteFiles(attachments)}
            className={`px-3 py-2 text-sm ${controlClass}`}
          />
          <div className="flex flex-wrap items-center gap-3">
            <AttachButton attachments={attachments} id="new-files" />
            <SegmentCounter text={text} mms={to.length > 1 ? "group" : attachments.items.length > 0 ? "media" : null} />
          </div>
        </AttachmentDropZone>
        {send.isError ? (
          <div className="flex flex-col gap-2">
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {notSentInWords(send.error.message)}
            </p>
            {refusal && to.length > 1 ? (
              <SendWithoutThem
                from={sender}
                remaining={to.filter((number) => !refused.has(number))}
                text={text}
                mediaIds={mediaIds}
              />
            ) : null}
          </div>
        ) : null}
        <div>
          <button
            type="submit"
            disabled={!ready}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
          >
            {send.isPending ? "Sending…" : to.length > 1 ? `Send to ${to.length} people` : "Send"}
          </button>
        </div>
      </form>
    </section>
  );
}
