import type { ComponentProps, ReactNode } from "react";
import { ReportFigure } from "./report-figure";
import { ReportTable } from "./report-table";

/**
 * A section's table with its chart above (when it has rows): the table is the chart's table view,
 * so the chart needs no disclosure of its own. Both take their name from the section's heading.
 */
export function ChartedTable({
  chartTitle,
  summary,
  chart,
  ...table
}: { chartTitle: string; summary: string; chart: ReactNode } & ComponentProps<typeof ReportTable>) {
  return (
    <>
      {table.table.rows.length > 0 ? (
        <ReportFigure title={chartTitle} hideTitle summary={summary} chart={chart} table="shown" range={table.range} />
      ) : null}
      <ReportTable hideCaption {...table} />
    </>
  );
}
