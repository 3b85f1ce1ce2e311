import type { DurationStats, TeamReport } from "@/lib/validations/reports";
import { formatDuration } from "./format-duration";
import { bucketLabel } from "./report-location";
import type { ReportCell, ReportColumn, ReportTableModel } from "./report-table-model";

// The team report's tables (issue 18): each chart's table view and the per agent / per number tables.

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

function durationColumns(what: string, counted: string): ReportColumn[] {
  return [
    { header: counted, numeric: true },
    { header: `${what} median`, numeric: true },
    { header: `${what} p90`, numeric: true },
  ];
}

function durationCells(stats: DurationStats): ReportCell[] {
  return [stats.count, formatDuration(stats.medianSeconds), formatDuration(stats.p90Seconds)];
}

export function volumeOverTimeTable(report: TeamReport): ReportTableModel {
  const { granularity, tz } = report.range;
  return {
    title: granularity === "hour" ? "Messages by hour" : "Messages by day",
    name: "team-volume-over-time",
    columns: [
      { header: granularity === "hour" ? "Hour" : "Day", plain: true },
      { header: "Inbound", numeric: true },
      { header: "Outbound", numeric: true },
    ],
    rows: report.overTime.map((bucket) => [
      bucketLabel(bucket.bucket, granularity, tz),
      bucket.inbound,
      bucket.outbound,
    ]),
  };
}

export function agentsTable(report: TeamReport): ReportTableModel {
  return {
    title: "By agent",
    name: "team-agents",
    columns: [
      { header: "Agent" },
      { header: "Outbound", numeric: true },
      ...durationColumns("First response", "Answered"),
      ...durationColumns("Time to close", "Closed"),
    ],
    rows: report.byAgent.map((row) => [
      row.name,
      row.outbound,
      ...durationCells(row.firstResponse),
      ...durationCells(row.timeToClose),
    ]),
  };
}

export function numbersTable(report: TeamReport): ReportTableModel {
  return {
    title: "By number",
    name: "team-numbers",
    columns: [
      { header: "Number", plain: true },
      { header: "Label" },
      { header: "Inbound", numeric: true },
      { header: "Outbound", numeric: true },
      ...durationColumns("First response", "Answered"),
      { header: "Unanswered", numeric: true },
      { header: "Closed without reply", numeric: true },
      ...durationColumns("Time to close", "Closed"),
    ],
    rows: report.byNumber.map((row) => [
      row.number,
      row.label ?? "",
      row.inbound,
      row.outbound,
      ...durationCells(row.firstResponse),
      row.firstResponse.unanswered,
      row.firstResponse.closedWithoutReply,
      ...durationCells(row.timeToClose),
    ]),
  };
}

/** Customers' messages by weekday (rows, Monday first) and hour (columns 0–23). */
export function heatmapTable(report: TeamReport): ReportTableModel {
  const grid = heatmapGrid(report);
  return {
    title: "Customers' messages by weekday and hour",
    name: "team-busiest-hours",
    columns: [{ header: "Weekday" }, ...HOURS.map((hour) => ({ header: hourLabel(hour), numeric: true }))],
    rows: grid.map((counts, weekday) => [WEEKDAYS[weekday] ?? "", ...counts]),
  };
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** "00:00" … "23:00". */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** 7 × 24 counts, Monday first; cells the report left out count 0. */
export function heatmapGrid(report: Pick<TeamReport, "heatmap">): number[][] {
  const grid = WEEKDAYS.map(() => HOURS.map(() => 0));
  for (const cell of report.heatmap) {
    const row = grid[cell.weekday];
    if (row && cell.hour >= 0 && cell.hour < 24) row[cell.hour] = cell.inbound;
  }
  return grid;
}
