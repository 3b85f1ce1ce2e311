"use client";

import { useDeferredValue, useState } from "react";
import { ConsentDialog, type ConsentRequest } from "@/components/consent/consent-dialog";
import { OptOutsImport } from "@/components/admin/opt-outs-import";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { FormProblem } from "@/components/ui/form-problem";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { useApplications, useNumbers } from "@/lib/client/admin";
import { accountNameOf, useOptOuts, type AdminOptOut } from "@/lib/client/consent";
import { formatConsentTime, scopeInWords, SOURCE_WORDS } from "@/lib/client/consent-words";

const HEADERS = ["Number", "Account", "Scope", "Source", "Reason", "By", "When", ""];

/**
 * Everyone who opted out now: search, CSV export and import, and "Opt back in" per row (with the
 * customer's consent). A table on wide screens, cards on a phone (nothing scrolls sideways).
 */
export function OptOutsPanel() {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const optOuts = useOptOuts(q);
  const [request, setRequest] = useState<ConsentRequest | null>(null);
  const rows = optOuts.data?.pages.flatMap((page) => page.items) ?? [];
  const ourNumberOf = useOurNumberOf();
  const optIn = (row: AdminOptOut) =>
    setRequest({ action: "opt_in", phoneNumber: row.phoneNumber, ourNumber: ourNumberOf(row) });

  return (
    <section
      aria-labelledby="opt-outs-heading"
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <h2 id="opt-outs-heading" className="text-base font-semibold">
            Current opt-outs
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Numbers no one may text. Every change is kept in the number&apos;s history and the audit log.
          </p>
        </div>
        <a
          href="/api/admin/opt-outs/export"
          download
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          Export CSV
        </a>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="opt-out-search" className="text-sm font-medium">
          Search
        </label>
        <input
          id="opt-out-search"
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          placeholder="Number, reason or account"
          className={`w-full max-w-md px-3 py-2 text-sm ${controlClass}`}
        />
      </div>
      {optOuts.isError ? <FormProblem error={optOuts.error} /> : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {optOuts.isPending ? "Loading…" : q ? "No opt-out matches." : "No one has opted out."}
        </p>
      ) : (
        <>
          <table className="hidden w-full text-left text-sm md:table" aria-label="Opt-outs">
            <thead>
              <tr className="border-b border-slate-200 text-xs tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
                {HEADERS.map((header, index) => (
                  <th key={index} scope="col" className="py-2 pr-3 font-medium">
                    {header || <span className="sr-only">Actions</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {rows.map((row) => (
                <tr key={rowKey(row)} data-opt-out={row.phoneNumber}>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatPhoneNumber(row.phoneNumber)}</td>
                  <td className="py-2 pr-3">{accountNameOf(row)}</td>
                  <td className="py-2 pr-3">{scopeInWords(row)}</td>
                  <td className="py-2 pr-3">{SOURCE_WORDS[row.source]}</td>
                  <td className="py-2 pr-3 break-words">{row.reason ?? "—"}</td>
                  <td className="py-2 pr-3">{row.byName ?? "—"}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{formatConsentTime(row.at)}</td>
                  <td className="py-2">
                    <OptInButton row={row} onClick={() => optIn(row)} disabled={!ourNumberOf(row)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="flex flex-col gap-3 md:hidden" aria-label="Opt-outs">
            {rows.map((row) => (
              <li
                key={rowKey(row)}
                data-opt-out={row.phoneNumber}
                className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800"
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">{formatPhoneNumber(row.phoneNumber)}</span>
                  <OptInButton row={row} onClick={() => optIn(row)} disabled={!ourNumberOf(row)} />
                </div>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700 dark:text-slate-300">
                  <Field term="Account" value={accountNameOf(row)} />
                  <Field term="Scope" value={scopeInWords(row)} />
                  <Field term="Source" value={SOURCE_WORDS[row.source]} />
                  <Field term="Reason" value={row.reason ?? "—"} />
                  <Field term="By" value={row.byName ?? "—"} />
                  <Field term="When" value={formatConsentTime(row.at)} />
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
      {optOuts.hasNextPage ? (
        <Button
          variant="secondary"
          className="self-start"
          disabled={optOuts.isFetchingNextPage}
          onClick={() => void optOuts.fetchNextPage()}
        >
          {optOuts.isFetchingNextPage ? "Loading…" : "Show more"}
        </Button>
      ) : null}
      <OptOutsImport />
      {request ? <ConsentDialog request={request} onClose={() => setRequest(null)} /> : null}
    </section>
  );
}

function OptInButton({ row, onClick, disabled }: { row: AdminOptOut; onClick: () => void; disabled: boolean }) {
  return (
    <Button
      variant="secondary"
      className="px-2 py-1 text-xs whitespace-nowrap"
      onClick={onClick}
      aria-label={`Opt ${formatPhoneNumber(row.phoneNumber)} back in`}
      disabled={disabled}
    >
      Opt back in
    </Button>
  );
}

function Field({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </>
  );
}

/**
 * POST /api/consent names the account by one of our numbers: the number the opt-out covers, or
 * for an account-wide one, any number of that account (number → application → account).
 */
function useOurNumberOf() {
  const numbers = useNumbers();
  const applications = useApplications();
  return (row: AdminOptOut): string => {
    if (row.ourNumber) return row.ourNumber;
    const accountId = row.accountId ?? row.account?.id;
    const ofAccount = new Set(
      (applications.data ?? []).filter((app) => app.account.id === accountId).map((app) => app.id),
    );
    return (numbers.data ?? []).find((number) => ofAccount.has(number.application.id))?.e164 ?? "";
  };
}

const rowKey = (row: AdminOptOut) =>
  `${row.phoneNumber}|${row.accountId ?? row.account?.id ?? ""}|${row.ourNumber ?? ""}`;
