"use client";

import { useState } from "react";
import { ConsentDialog, type ConsentRequest } from "@/components/consent/consent-dialog";
import { ConsentHistory } from "@/components/consent/consent-history";
import { OptedOutIcon } from "@/components/consent/opted-out-icon";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { describeOptOut } from "@/lib/client/consent-words";
import type { OptOutView } from "@/lib/validations/consent";

type Props = {
  optedOut: OptOutView[];
  ourNumber: string;
  /** The name agents gave a number, if any. */
  nameOf: (number: string) => string | null;
  /** The words of the message that opted them out, when it is in the thread ("STOP"). */
  keywordOf: (messageId: string | null) => string | null;
};

/**
 * Who in this conversation opted out, when and how, each with "Opt back in" (which asks for the
 * customer's consent), and the number's history. The agent hears it when a STOP arrives while reading.
 */
export function OptOutBanner({ optedOut, ourNumber, nameOf, keywordOf }: Props) {
  const [request, setRequest] = useState<ConsentRequest | null>(null);
  return (
    <>
      {/* Announced politely (a STOP arriving while the agent reads); the banner itself is not live. */}
      <p role="status" className="sr-only">
        {optedOut.map((view) => describeOptOut(view, nameOf(view.phoneNumber), keywordOf(view.messageId))).join(". ")}
      </p>
      <div>
        {optedOut.length > 0 ? (
          <div
            aria-label="Opted out"
            role="group"
            className="flex flex-col gap-2 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
            data-testid="opt-out-banner"
          >
            {optedOut.map((view) => (
              <div key={view.phoneNumber} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
                <div className="flex min-w-0 flex-1 basis-64 flex-col gap-0.5">
                  <p className="break-words">
                    <OptedOutIcon className="mr-1.5 inline h-4 w-4 align-[-0.2em] text-red-700 dark:text-red-400" />
                    {describeOptOut(view, nameOf(view.phoneNumber), keywordOf(view.messageId))}
                    {view.scope === "number" && view.ourNumber
                      ? ` (for ${formatPhoneNumber(view.ourNumber)} only)`
                      : ""}
                    .
                  </p>
                  <ConsentHistory phoneNumber={view.phoneNumber} ourNumber={ourNumber} />
                </div>
                <button
                  type="button"
                  onClick={() =>
                    setRequest({
                      action: "opt_in",
                      phoneNumber: view.phoneNumber,
                      ourNumber,
                      name: nameOf(view.phoneNumber),
                    })
                  }
                  aria-label={`Opt ${formatPhoneNumber(view.phoneNumber)} back in`}
                  className="shrink-0 rounded-md border border-amber-400 bg-white px-2.5 py-1 text-sm font-medium text-amber-950 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-amber-700 dark:bg-amber-900 dark:text-amber-50 dark:hover:bg-amber-800"
                >
                  Opt back in
                </button>
              </div>
            ))}
          </div>
        ) : null}
      </div>
      {request ? <ConsentDialog request={request} onClose={() => setRequest(null)} /> : null}
    </>
  );
}
