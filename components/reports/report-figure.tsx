import type { ReactNode } from "react";
import type { ReportTableModel } from "@/lib/client/report-table-model";
import { ReportTable } from "./report-table";

/**
 * A chart with its summary for screen readers (`role="img"`) and, right under it, its table view
 * (a disclosure: the same figures as an accessible table, with its CSV). `table: "shown"` when the
 * table is already on the page next to the chart (error codes, carriers, agents…).
 */
export function ReportFigure({
  title,
  summary,
  chart,
  table,
  range,
  hideTitle = false,
}: {
  title: string;
  summary: string;
  chart: ReactNode;
  table: ReportTableModel | "shown";
  range: { from: string; to: string; number?: string | null };
  /** When the section's heading already says it (the figure keeps its name for screen readers). */
  hideTitle?: boolean;
}) {
  return (
    <figure className="flex min-w-0 flex-col gap-2">
      <figcaption className={hideTitle ? "sr-only" : "text-sm font-semibold"}>{title}</figcaption>
      <div role="img" aria-label={summary} className="min-w-0">
        {chart}
      </div>
      {table === "shown" ? null : (
        <details className="group">
          <summary className="w-fit cursor-pointer rounded-md px-2 py-1 text-sm font-medium text-brand-700 hover:bg-slate-100 dark:text-sky-300 dark:hover:bg-slate-800">
            Table<span className="sr-only">: {title}</span>
          </summary>
          <div className="mt-2">
            <ReportTable table={table} range={range} hideCaption />
          </div>
        </details>
      )}
    </figure>
  );
}
