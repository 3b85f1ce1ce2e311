"use client";
import { Button } from "@/components/ui/button";
import { FormProblem } from "@/components/ui/form-problem";
import { useAlerts, useResolveAlert } from "@/lib/client/admin";

/** Problems only an admin can fix, until one marks them resolved (or fixes the cause). */
export function AlertsPanel() {
  const alerts = useAlerts();
  const resolve = useResolveAlert();
  if (!alerts.data || alerts.data.length === 0) return null;
  return (
    <section
      aria-labelledby="alerts-heading"
      className="rounded-xl border border-red-300 bg-red-50 p-5 dark:border-red-900 dark:bg-red-950"
    >
      <h2 id="alerts-heading" className="text-base font-semibold text-red-900 dark:text-red-100">
        Needs your attention
      </h2>
      <ul className="mt-2 flex flex-col gap-2 text-sm text-red-900 dark:text-red-100">
        {alerts.data.map((alert) => (
          <li key={alert.id} className="flex flex-wrap items-start justify-between gap-2">
            <span>
              <time dateTime={alert.createdAt} className="mr-2 text-red-700 dark:text-red-300">
                {new Date(alert.createdAt).toLocaleString("en-US")}
              </time>
              {alert.message}
            </span>
            <Button variant="secondary" onClick={() => resolve.mutate(alert.id)} disabled={resolve.isPending}>
              Mark resolved
            </Button>
          </li>
        ))}
      </ul>
      <FormProblem error={resolve.error} />
    </section>
  );
}
