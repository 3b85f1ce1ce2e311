"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { useRecordConsent } from "@/lib/client/consent";
import type { ConsentAction } from "@/lib/validations/consent";

export type ConsentRequest = {
  action: ConsentAction;
  phoneNumber: string;
  ourNumber: string;
  name?: string | null;
  /** Prefilled reason (e.g. the customer's words). */
  reason?: string;
  /** The message that prompted it. */
  messageId?: string;
};

/**
 * Records an opt-out or an opt-in by hand, with a reason; an opt-in also needs the agent to confirm
 * the customer asked for messages again. The browser's modal <dialog>: Escape closes it and focus
 * goes back where it was.
 */
export function ConsentDialog({ request, onClose }: { request: ConsentRequest; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const record = useRecordConsent();
  const [reason, setReason] = useState(request.reason ?? "");
  const [consented, setConsented] = useState(false);
  const optIn = request.action === "opt_in";
  const who = request.name
    ? `${request.name} (${formatPhoneNumber(request.phoneNumber)})`
    : formatPhoneNumber(request.phoneNumber);
  const title = optIn ? `Opt ${who} back in` : `Record an opt-out for ${who}`;

  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (element && !element.open) element.showModal();
    return () => {
      element?.close();
      before?.focus();
    };
  }, []);

  const ready = reason.trim() !== "" && (!optIn || consented) && !record.isPending;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    record.mutate(
      {
        action: request.action,
        phoneNumber: request.phoneNumber,
        ourNumber: request.ourNumber,
        reason: reason.trim(),
        ...(optIn ? { customerConsented: true } : {}),
        ...(request.messageId ? { messageId: request.messageId } : {}),
      },
      { onSuccess: () => dialog.current?.close() },
    );
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      className="m-auto w-[min(30rem,calc(100vw-1rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-3 p-4">
        <h2 id={`${id}-title`} className="font-semibold break-words">
          {title}
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {optIn
            ? "Agents can text this number again from every number the opt-out covered. It is kept in the number's history."
            : "No one can text this number again until the customer opts back in. It is kept in the number's history."}
        </p>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-reason`} className="text-sm font-medium">
            Reason
          </label>
          <input
            id={`${id}-reason`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            maxLength={500}
            required
            autoFocus
            placeholder={
              optIn ? "e.g. Asked on the phone on 2 Dec to get updates again" : "e.g. Asked us to stop texting"
            }
            className={`px-3 py-2 text-sm ${controlClass}`}
          />
        </div>
        {optIn ? (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              checked={consented}
              onChange={(event) => setConsented(event.target.checked)}
              required
              className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
            />
            <span>The customer asked to receive messages again</span>
          </label>
        ) : null}
        {record.isError ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            Not recorded: {record.error.message}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button type="submit" disabled={!ready}>
            {record.isPending ? "Saving…" : optIn ? "Opt back in" : "Record opt-out"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
