"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { useAccounts } from "@/lib/client/admin";
import { useImportOptOuts } from "@/lib/client/consent";

/**
 * Imports opt-outs from a CSV file into one Bandwidth account (each number opted out of all its
 * numbers), then says how many were imported, how
 * many skipped (already opted out), and each refused line with its problem.
 */
export function OptOutsImport() {
  const id = useId();
  const upload = useImportOptOuts();
  const accounts = useAccounts();
  const [file, setFile] = useState<File | null>(null);
  const [picked, setPicked] = useState("");
  const accountId = picked || accounts.data?.[0]?.id || "";
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ csv: await file.text(), accountId: accountId || undefined });
  };
  const summary = upload.data;
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-2 border-t border-slate-200 pt-4 dark:border-slate-800"
      aria-label="Import opt-outs"
    >
      <h3 className="text-sm font-semibold">Import CSV</h3>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        One number per line, optionally a reason after a comma (<code className="text-xs">phone_number,reason</code>); a
        header line naming <code className="text-xs">phone_number</code> is read too, so the export comes back as it
        went out.
      </p>
      {(accounts.data?.length ?? 0) > 1 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-account`} className="text-sm font-medium">
            Into the account
          </label>
          <select
            id={`${id}-account`}
            value={accountId}
            onChange={(event) => setPicked(event.target.value)}
            className={`max-w-xs px-2 py-1.5 text-sm ${controlClass}`}
          >
            {(accounts.data ?? []).map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-file`} className="sr-only">
          CSV file
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            upload.reset();
          }}
          className="max-w-full text-sm file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-slate-100"
        />
        <Button type="submit" disabled={!file || upload.isPending}>
          {upload.isPending ? "Importing…" : "Import"}
        </Button>
      </div>
      {upload.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Not imported: {upload.error.message}
        </p>
      ) : null}
      {summary ? (
        <div role="status" className="flex flex-col gap-1 text-sm">
          <p>
            Imported {summary.imported}, skipped {summary.skipped}
            {summary.problems.length ? `, ${summary.problems.length} with problems` : ""}.
          </p>
          {summary.problems.length ? (
            <ul aria-label="Import problems" className="list-disc pl-5 text-red-700 dark:text-red-300">
              {summary.problems.map((problem) => (
                <li key={`${problem.line}-${problem.problem}`}>
                  Line {problem.line}: {problem.problem}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
