import { formatWhen } from "./format-time";

/**
 * The words of an inbound message known only from Bandwidth's records: when it arrived (the
 * viewer's time), why it has no text, and what it was (segments, attachments).
 */
export function missedCallbackNotice(
  missed: { arrivedAt: Date | string; segmentCount: number | null; attachmentCount: number | null },
  now = new Date(),
): { notice: string; details: string } {
  const when = formatWhen(new Date(missed.arrivedAt), now);
  const parts = [
    missed.segmentCount ? plural(missed.segmentCount, "segment") : null,
    missed.attachmentCount ? plural(missed.attachmentCount, "attachment") : "no attachments",
  ].filter(Boolean);
  return {
    notice: `A message arrived at ${when} while Switchboard was not receiving callbacks. Bandwidth keeps no text — ask the customer to resend.`,
    details: parts.join(" · "),
  };
}

/** "Status from Bandwidth's records (its callback never came) · carrier: Verizon", or null for callbacks. */
export function statusSourceNote(
  recipients: ReadonlyArray<{ source: string; carrierName: string | null }>,
): string | null {
  const fromRecords = recipients.filter((recipient) => recipient.source === "records");
  if (fromRecords.length === 0) return null;
  const carriers = [
    ...new Set(fromRecords.flatMap((recipient) => (recipient.carrierName ? [recipient.carrierName] : []))),
  ];
  const whom = recipients.length > 1 ? ` for ${fromRecords.length} of ${recipients.length} recipients` : "";
  return `Status from Bandwidth's records${whom} (its callback never came)${carriers.length ? ` · carrier: ${carriers.join(", ")}` : ""}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
