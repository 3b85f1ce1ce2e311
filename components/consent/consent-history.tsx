"use client";

import { useState } from "react";
import { useConsent } from "@/lib/client/consent";
import { describeHistoryEntry } from "@/lib/client/consent-words";

/** A number's consent history (never overwritten), newest first; fetched when it is opened. */
export function ConsentHistory({ phoneNumber, ourNumber }: { phoneNumber: string; ourNumber: string }) {
  const [open, setOpen] = useState(false);
  const consent = useConsent(phoneNumber, ourNumber, open);
  const history = [...(consent.data?.history ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <details className="text-xs" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-medium underline-offset-2 hover:underline">History</summary>
      {consent.isError ? (
        <p role="alert" className="mt-1 text-red-700 dark:text-red-300">
          Could not load the history: {consent.error.message}
        </p>
      ) : consent.isPending ? (
        <p className="mt-1">Loading…</p>
      ) : (
        <ol aria-label="Consent history" className="mt-1 flex flex-col gap-0.5">
          {history.map((entry) => (
            <li key={entry.id}>{describeHistoryEntry(entry)}</li>
          ))}
        </ol>
      )}
    </details>
  );
}
