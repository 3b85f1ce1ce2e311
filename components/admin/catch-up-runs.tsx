"use client";

import { AdminSection } from "@/components/admin/admin-section";
import { FormProblem } from "@/components/ui/form-problem";
import { useCatchUpRuns, type CatchUpRun } from "@/lib/client/admin";

/** Each run of the catch-up job: what it asked Bandwidth's List Messages, what it found and applied, any error. */
export function CatchUpRuns() {
  const runs = useCatchUpRuns();
  const rows = runs.data ?? [];
  return (
    <AdminSection
      title="Catch-up runs"
      description="Bandwidth retries a callback for 24 hours, then drops it. Every few minutes Switchboard asks Bandwidth's records (List Messages) for the final statuses and inbound messages its callbacks never brought. Inbound messages found this way have no text: Bandwidth keeps none."
    >
      <FormProblem error={runs.error} />
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{runs.isPending ? "Loading…" : "No run yet."}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              {["Started", "Took", "Requests", "Outbound statuses", "Inbound messages", "Error"].map((heading) => (
                <th key={heading} scope="col" className="py-2 pr-4 font-medium">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((run) => (
              <tr key={run.id} data-catch-up-run={run.id} data-failed={run.error ? "" : undefined}>
                <td className="py-2 pr-4 align-top whitespace-nowrap">
                  {new Date(run.startedAt).toLocaleString("en-US")}
                </td>
                <td className="py-2 pr-4 align-top whitespace-nowrap">{took(run)}</td>
                <td className="py-2 pr-4 align-top">{run.requests}</td>
                <td className="py-2 pr-4 align-top">
                  {run.outboundApplied} learned of {run.outboundChecked} looked up
                </td>
                <td className="py-2 pr-4 align-top">
                  {run.inboundAdded} missed of {run.inboundChecked} on {run.numbersChecked} numbers
                </td>
                <td className="py-2 pr-4 align-top text-red-700 dark:text-red-300">{run.error ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AdminSection>
  );
}

function took(run: CatchUpRun): string {
  // A run lasts minutes at most (its job expires after 30).
  if (!run.finishedAt)
    return Date.now() - new Date(run.startedAt).getTime() < 30 * 60_000 ? "running…" : "did not finish";
  const seconds = (new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}
