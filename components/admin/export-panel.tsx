"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { AdminSection } from "@/components/admin/admin-section";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { DataTable } from "@/components/ui/data-table";
import { FormProblem } from "@/components/ui/form-problem";
import { TextField } from "@/components/ui/text-field";
import { useNumbers } from "@/lib/client/admin";
import { exportKeys, useCreateExport, useExportProgress, useExports, type DataExport } from "@/lib/client/exports";
import type { RangeExportKind } from "@/lib/validations/exports";

/**
 * Messages of a date range (optionally one of our numbers) as CSV or NDJSON: Start creates the export
 * and the browser downloads it straight to disk, while the page follows its progress. Below, the
 * recent exports of every admin.
 */
export function ExportPanel() {
  const create = useCreateExport();
  const numbers = useNumbers();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [form, setForm] = useState(() => ({
    from: dayOffset(-29),
    to: dayOffset(0),
    number: "",
    kind: "messages_csv",
  }));

  const start = (event: FormEvent) => {
    event.preventDefault();
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    create.mutate(
      {
        kind: form.kind as RangeExportKind,
        from: form.from,
        to: form.to,
        tz,
        ...(form.number ? { number: form.number } : {}),
      },
      {
        onSuccess: (created) => {
          setActiveId(created.id);
          // A plain download: the browser streams the file to disk, however large.
          if (created.downloadUrl) {
            const link = document.createElement("a");
            link.href = created.downloadUrl;
            link.download = "";
            link.click();
          }
        },
      },
    );
  };

  return (
    <div className="flex flex-col gap-6">
      <AdminSection
        title="Export messages"
        description="Every message of the days you choose (in your time zone), with each recipient's status and error and the links to its files. CSV opens in a spreadsheet; NDJSON (one JSON object per line) suits scripts. Each export downloads once and is recorded in the audit log."
      >
        <form onSubmit={start} className="flex flex-wrap items-end gap-3" aria-label="Export messages">
          {(["from", "to"] as const).map((field) => (
            <TextField
              key={field}
              label={field === "from" ? "From" : "To"}
              type="date"
              required
              value={form[field]}
              onChange={(e) => setForm({ ...form, [field]: e.target.value })}
            />
          ))}
          <div className="flex flex-col gap-1">
            <label htmlFor="export-number" className="text-sm font-medium text-slate-700 dark:text-slate-200">
              Number
            </label>
            <select
              id="export-number"
              value={form.number}
              onChange={(e) => setForm({ ...form, number: e.target.value })}
              className={`px-3 py-2 text-sm ${controlClass}`}
            >
              <option value="">All our numbers</option>
              {(numbers.data ?? []).map((number) => (
                <option key={number.e164} value={number.e164}>
                  {number.label ? `${number.label} (${number.e164})` : number.e164}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="flex gap-3 pb-2">
            <legend className="sr-only">Format</legend>
            {[
              ["messages_csv", "CSV"],
              ["messages_ndjson", "NDJSON"],
            ].map(([value, label]) => (
              <label key={value} className="flex items-center gap-1.5 text-sm">
                <input
                  type="radio"
                  name="kind"
                  value={value}
                  checked={form.kind === value}
                  onChange={() => setForm({ ...form, kind: value ?? "messages_csv" })}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Starting…" : "Start export"}
          </Button>
        </form>
        <FormProblem error={create.error} />
        {activeId ? <ExportProgress id={activeId} /> : null}
      </AdminSection>
      <RecentExports />
    </div>
  );
}

function ExportProgress({ id }: { id: string }) {
  const progress = useExportProgress(id);
  const client = useQueryClient();
  const item = progress.data;
  const status = item?.status;
  useEffect(() => {
    if (status && status !== "running") void client.invalidateQueries({ queryKey: exportKeys.list });
  }, [status, client]);
  if (!item) return <FormProblem error={progress.error} />;
  const percent =
    item.total > 0 ? Math.min(100, Math.floor((item.rowsDone / item.total) * 100)) : item.status === "done" ? 100 : 0;
  return (
    <div className="mt-4 flex max-w-xl flex-col gap-2">
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full bg-brand-600 transition-[width] dark:bg-brand-500" style={{ width: `${percent}%` }} />
      </div>
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
        {progressInWords(item, percent)}
      </p>
    </div>
  );
}

function RecentExports() {
  const list = useExports();
  return (
    <AdminSection title="Recent exports" description="The latest exports of every admin: who, what and how far it got.">
      <FormProblem error={list.error} />
      <DataTable
        headers={["When", "Who", "What", "Messages", "Status"]}
        empty={list.isPending ? "Loading…" : "No export yet."}
        rows={(list.data ?? []).map((item) => [
          new Date(item.createdAt).toLocaleString("en-US"),
          item.requestedBy?.name ?? "A former admin",
          whatInWords(item),
          `${item.rowsDone.toLocaleString("en-US")} of ${item.total.toLocaleString("en-US")}`,
          statusInWords(item),
        ])}
      />
    </AdminSection>
  );
}

function progressInWords(item: DataExport, percent: number): string {
  const count = (n: number) => n.toLocaleString("en-US");
  switch (item.status) {
    case "ready":
      return `Starting the download of ${count(item.total)} messages…`;
    case "running":
      return item.stalled
        ? `No progress for a minute after ${count(item.rowsDone)} messages: the download was probably cut off. Start a new export.`
        : `${count(item.rowsDone)} of ${count(item.total)} messages (${percent} %)`;
    case "done":
      return `Done — ${count(item.rowsDone)} messages`;
    case "cancelled":
      return `Cancelled: the download stopped after ${count(item.rowsDone)} messages. Start a new export to try again.`;
    case "failed":
      return `Failed after ${count(item.rowsDone)} messages${item.error ? `: ${item.error}` : ""}. Start a new export to try again.`;
  }
}

function statusInWords(item: DataExport): string {
  if (item.status === "failed" && item.error) return `failed: ${item.error}`;
  return item.stalled ? "stalled (cut off?)" : item.status;
}

function whatInWords(item: DataExport): string {
  if (item.kind === "conversation_json") return `Conversation ${item.params.conversationId ?? ""} as JSON`;
  const format = item.kind === "messages_csv" ? "CSV" : "NDJSON";
  const number = item.params.number ? `, ${item.params.number}` : ", all numbers";
  return `${format}: ${item.params.from} to ${item.params.to}${number}`;
}

/** A day relative to today, in this browser's time zone, as YYYY-MM-DD. */
function dayOffset(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}
