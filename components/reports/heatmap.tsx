"use client";

import { heatmapGrid, hourLabel, WEEKDAYS } from "@/lib/client/team-tables";
import type { TeamReport } from "@/lib/validations/reports";
import { useChartTheme } from "./use-chart-theme";

// A CSS grid rather than a recharts ScatterChart: the heatmap is 7 × 24 equal cells with no axis to
// scale, so a grid is exact at any width (cells shrink with the page, down to 360 px, without the
// chart's pixel margins), needs no measuring, and weighs nothing. Its table view is beside it.

export function Heatmap({ report }: { report: Pick<TeamReport, "heatmap"> }) {
  const theme = useChartTheme();
  const grid = heatmapGrid(report);
  const max = Math.max(1, ...grid.flat());
  return (
    <div className="grid w-full max-w-3xl grid-cols-[2.25rem_repeat(24,minmax(0,1fr))] gap-px text-[10px] text-slate-600 sm:text-xs dark:text-slate-300">
      {grid.map((counts, weekday) => (
        <div key={weekday} className="contents">
          <div className="flex items-center pr-1">{WEEKDAYS[weekday]?.slice(0, 3)}</div>
          {counts.map((count, hour) => (
            <div
              key={hour}
              title={`${WEEKDAYS[weekday]} ${hourLabel(hour)}: ${count}`}
              className="aspect-square rounded-[2px] border border-slate-200/70 dark:border-slate-800"
              style={{
                backgroundColor: count === 0 ? undefined : `rgb(${theme.heat} / ${0.15 + 0.85 * (count / max)})`,
              }}
            />
          ))}
        </div>
      ))}
      <div />
      {Array.from({ length: 24 }, (_, hour) => (
        <div key={hour} className="text-center">
          {hour % 6 === 0 ? String(hour).padStart(2, "0") : ""}
        </div>
      ))}
      <div className="col-span-full mt-2 flex items-center gap-2">
        <span>Fewer</span>
        {[0.15, 0.4, 0.65, 1].map((alpha) => (
          <span
            key={alpha}
            className="inline-block h-3 w-3 rounded-[2px]"
            style={{ backgroundColor: `rgb(${theme.heat} / ${alpha})` }}
          />
        ))}
        <span>More (up to {max.toLocaleString("en-US")})</span>
      </div>
    </div>
  );
}
