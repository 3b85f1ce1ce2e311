"use client";

import { SendWithoutThem } from "@/components/consent/send-without-them";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { formatConsentTime, notSentInWords } from "@/lib/client/consent-words";
import type { OptOutView } from "@/lib/validations/consent";

/** What the composer knows of the conversation's consent. */
export type ComposerConsent = {
  ownerNumber: string;
  participants: string[];
  optedOut: OptOutView[];
};

/**
 * Why the reply box cannot text this conversation: a one-to-one with someone who opted out is
 * closed to replies; a group names who opted out and offers to send to the others.
 */
export function ComposerConsentNotice({
  consent,
  isGroup,
  text,
  mediaIds,
  onSent,
  refusal,
}: {
  consent: ComposerConsent;
  isGroup: boolean;
  text: string;
  mediaIds: string[];
  onSent: () => void;
  /** The server's refusal of the last send, in its own words, when it refused for an opt-out. */
  refusal?: { message: string; optedOut: OptOutView[] } | null;
}) {
  const blocked = refusal?.optedOut.length ? refusal.optedOut : consent.optedOut;
  if (blocked.length === 0 && !refusal) return null;
  const numbers = new Set(blocked.map((view) => view.phoneNumber));
  const remaining = consent.participants.filter((number) => !numbers.has(number));
  const who = blocked.map((view) => formatPhoneNumber(view.phoneNumber)).join(", ");
  return (
    <div
      id="composer-consent"
      className="mb-2 flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      {refusal ? <p role="alert">{notSentInWords(refusal.message)}</p> : null}
      {!isGroup && blocked[0] ? (
        <p>
          Replies are off: {who} opted out on {formatConsentTime(blocked[0].at)}. They can text START to opt back in.
        </p>
      ) : isGroup && blocked.length > 0 ? (
        <>
          <p>
            This group cannot be texted: {who} opted out. You can send this message to the others instead, in their own
            conversation.
          </p>
          <SendWithoutThem
            from={consent.ownerNumber}
            remaining={remaining}
            text={text}
            mediaIds={mediaIds}
            onSent={onSent}
          />
        </>
      ) : null}
    </div>
  );
}
