"use client";

import { AdminSection } from "@/components/admin/admin-section";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FormProblem } from "@/components/ui/form-problem";
import { useCatchUpRuns, useRequestCatchUpRun, type CatchUpRun } from "@/lib/client/admin";

/** Each run of the catch-up job: what it asked Bandwidth's List Messages, what it found and applied, any error. */
export function CatchUpRuns() {
  const request = useRequestCatchUpRun();
  const runs = useCatchUpRuns(request.isSuccess ? request.submittedAt : null);
  const rows = runs.data ?? [];
  return (
    <AdminSection
      title="Catch-up runs"
      description="Bandwidth retries a callback for 24 hours, then drops it. Every few minutes Switchboard asks Bandwidth's records (List Messages) for the final statuses and inbound messages its callbacks never brought. Inbound messages found this way have no text: Bandwidth keeps none."
    >
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <Button variant="secondary" disabled={request.isPending} onClick={() => request.mutate()}>
          {request.isPending ? "Asking…" : "Check now"}
        </Button>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {request.data
            ? request.data.queued
              ? "Queued: the run appears below when it starts."
              : "A run is already waiting to start."
            : ""}
        </p>
      </div>
      <FormProblem error={request.error ?? runs.error} />
      <DataTable
        headers={["Started", "Took", "Requests", "Outbound statuses", "Inbound messages", "Error"]}
        empty={runs.isPending ? "Loading…" : "No run yet."}
        rows={rows.map((run) => [
          new Date(run.startedAt).toLocaleString("en-US"),
          took(run),
          run.requests,
          `${run.outboundApplied} learned of ${run.outboundChecked} looked up`,
          `${run.inboundAdded} missed of ${run.inboundChecked} on ${run.numbersChecked} numbers`,
          run.error ? <span className="text-red-700 dark:text-red-300">{run.error}</span> : "—",
        ])}
      />
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
