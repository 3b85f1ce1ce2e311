"use client";

import { formatDuration } from "@/lib/client/format-duration";
import { formatCount } from "@/lib/client/report-table-model";
import { bucketLabel, type ReportLocation } from "@/lib/client/report-location";
import {
  agentsTable,
  heatmapGrid,
  heatmapTable,
  hourLabel,
  numbersTable,
  volumeOverTimeTable,
  WEEKDAYS,
} from "@/lib/client/team-tables";
import type { TeamReport } from "@/lib/validations/reports";
import { Heatmap } from "./heatmap";
import { BarChart, LineChart } from "./lazy-charts";
import { ReportFigure } from "./report-figure";
import { ReportSection } from "./report-section";
import { ChartedTable } from "./charted-table";
import { ReportTiles } from "./report-tiles";

const IN_OUT = [
  { key: "inbound", name: "Inbound", colour: "inbound" },
  { key: "outbound", name: "Outbound", colour: "outbound" },
] as const;

export function TeamSection({ report, location }: { report: TeamReport; location: ReportLocation }) {
  const { range, volume, firstResponse, timeToClose } = report;
  const overTime = report.overTime.map((bucket) => ({
    ...bucket,
    label: bucketLabel(bucket.bucket, range.granularity, range.tz),
  }));
  const busiest = busiestHour(report);
  return (
    <div className="flex flex-col gap-4">
      <ReportTiles
        label="Team totals"
        tiles={[
          { label: "Inbound", value: formatCount(volume.inbound), hint: "customers' messages" },
          { label: "Outbound", value: formatCount(volume.outbound) },
          {
            label: "First response, median",
            value: formatDuration(firstResponse.medianSeconds),
            hint: `${formatCount(firstResponse.count)} answered`,
          },
          {
            label: "First response, 90th percentile",
            value: formatDuration(firstResponse.p90Seconds),
            hint: `${formatCount(firstResponse.unanswered)} unanswered, ${formatCount(firstResponse.closedWithoutReply)} closed without reply`,
          },
          {
            label: "Time to close, median",
            value: formatDuration(timeToClose.medianSeconds),
            hint: `${formatCount(timeToClose.count)} closed`,
          },
          { label: "Time to close, 90th percentile", value: formatDuration(timeToClose.p90Seconds) },
        ]}
      />
      <ReportSection id="team-volume" title={range.granularity === "hour" ? "Messages by hour" : "Messages by day"}>
        <ReportFigure
          title="Inbound and outbound messages"
          summary={`Messages ${range.granularity === "hour" ? "by hour" : "by day"}: ${formatCount(volume.inbound)} inbound and ${formatCount(volume.outbound)} outbound in all; busiest ${range.granularity}: ${busiestBucket(overTime)}.`}
          chart={<LineChart data={overTime} xKey="label" series={[...IN_OUT]} />}
          table={volumeOverTimeTable(report)}
          range={location}
        />
      </ReportSection>
      <ReportSection id="team-agents" title="By agent">
        <ChartedTable
          chartTitle="Messages sent by agent"
          summary={`Messages sent by agent: ${report.byAgent.map((row) => `${row.name} ${formatCount(row.outbound)}`).join(", ")}.`}
          chart={
            <BarChart
              data={report.byAgent.map(({ name, outbound }) => ({ name, outbound }))}
              xKey="name"
              series={[{ key: "outbound", name: "Outbound", colour: "outbound" }]}
            />
          }
          table={agentsTable(report)}
          range={location}
          empty="No agent replied in this range."
        />
      </ReportSection>
      <ReportSection id="team-numbers" title="By number">
        <ChartedTable
          chartTitle="Messages by number"
          summary={`Messages by number: ${report.byNumber.map((row) => `${row.label ?? row.number} ${formatCount(row.inbound)} in, ${formatCount(row.outbound)} out`).join("; ")}.`}
          chart={
            <BarChart
              data={report.byNumber.map((row) => ({
                name: row.label ?? row.number,
                inbound: row.inbound,
                outbound: row.outbound,
              }))}
              xKey="name"
              series={[...IN_OUT]}
            />
          }
          table={numbersTable(report)}
          range={location}
          empty="No messages on our numbers in this range."
        />
      </ReportSection>
      <ReportSection id="team-heatmap" title="Busiest hours">
        <ReportFigure
          title="Customers' messages by weekday and hour"
          hideTitle
          summary={
            busiest
              ? `Customers' messages by weekday and hour (${range.tz}): busiest ${busiest}.`
              : "Customers' messages by weekday and hour: none in this range."
          }
          chart={<Heatmap report={report} />}
          table={heatmapTable(report)}
          range={location}
        />
      </ReportSection>
    </div>
  );
}

function busiestHour(report: TeamReport): string | null {
  let best: { weekday: number; hour: number; count: number } | null = null;
  heatmapGrid(report).forEach((counts, weekday) =>
    counts.forEach((count, hour) => {
      if (count > 0 && (!best || count > best.count)) best = { weekday, hour, count };
    }),
  );
  const found = best as { weekday: number; hour: number; count: number } | null;
  return found ? `${WEEKDAYS[found.weekday]} ${hourLabel(found.hour)} (${formatCount(found.count)})` : null;
}

function busiestBucket(buckets: Array<{ label: string; inbound: number; outbound: number }>): string {
  const top = buckets.reduce<(typeof buckets)[number] | null>(
    (best, bucket) => (!best || bucket.inbound + bucket.outbound > best.inbound + best.outbound ? bucket : best),
    null,
  );
  return top && top.inbound + top.outbound > 0 ? `${top.label} (${formatCount(top.inbound + top.outbound)})` : "none";
}
