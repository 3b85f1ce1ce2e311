"use client";

import {
  carriersTable,
  channelsTable,
  deliveryOverTimeTable,
  errorCodesTable,
  kindsTable,
  UNNAMED_CARRIER,
} from "@/lib/client/delivery-tables";
import { bucketLabel, type ReportLocation } from "@/lib/client/report-location";
import { cellText, formatCount, percent } from "@/lib/client/report-table-model";
import type { DeliveryReport } from "@/lib/validations/reports";
import { BarChart, LineChart } from "./lazy-charts";
import { ReportFigure } from "./report-figure";
import { ReportSection } from "./report-section";
import { ReportTable } from "./report-table";
import { ChartedTable } from "./charted-table";
import { ReportTiles } from "./report-tiles";

const OUTCOMES = [
  { key: "delivered", name: "Delivered", colour: "delivered" },
  { key: "failed", name: "Failed", colour: "failed" },
  { key: "unconfirmed", name: "Unconfirmed", colour: "unconfirmed" },
  { key: "pending", name: "Pending", colour: "pending" },
] as const;

const ratePercent = (value: number) => `${Math.round(value)}%`;

export function DeliverySection({ report, location }: { report: DeliveryReport; location: ReportLocation }) {
  const { totals, range } = report;
  const over = deliveryOverTimeTable(report);
  const codes = errorCodesTable(report);
  const carriers = carriersTable(report);
  const overTime = report.overTime.map((bucket) => ({
    ...bucket,
    label: bucketLabel(bucket.bucket, range.granularity, range.tz),
    rate: bucket.deliveryRate === null ? null : bucket.deliveryRate * 100,
  }));
  const rated = overTime.filter((bucket) => bucket.rate !== null);
  const drill = (code: number) => {
    const params = new URLSearchParams({ code: String(code), from: location.from, to: location.to });
    if (location.number) params.set("number", location.number);
    return `/reports/failures?${params}`;
  };
  return (
    <div className="flex flex-col gap-4">
      <ReportTiles
        label="Delivery totals"
        tiles={[
          { label: "Messages sent", value: formatCount(totals.messagesSent) },
          { label: "Segments", value: formatCount(totals.segmentsSent) },
          {
            label: "Delivered",
            value: formatCount(totals.delivered),
            hint: `of ${formatCount(totals.recipients)} recipients`,
          },
          { label: "Failed", value: formatCount(totals.failed) },
          { label: "Unconfirmed", value: formatCount(totals.unconfirmed), hint: "no receipt (9902)" },
          { label: "Pending", value: formatCount(totals.pending) },
          { label: "Delivery rate", value: cellText(percent(totals.deliveryRate)) },
        ]}
      />
      <ReportSection
        id="delivery-over-time"
        title={range.granularity === "hour" ? "Delivery by hour" : "Delivery by day"}
      >
        <ReportFigure
          title="Delivery rate"
          summary={
            rated.length === 0
              ? "Delivery rate: no recipient reached a final status in this range."
              : `Delivery rate ${range.granularity === "hour" ? "by hour" : "by day"}, from ${rated.at(0)?.label} to ${rated.at(-1)?.label}: lowest ${ratePercent(Math.min(...rated.map((b) => b.rate ?? 0)))}, highest ${ratePercent(Math.max(...rated.map((b) => b.rate ?? 0)))}; overall ${cellText(percent(totals.deliveryRate))}.`
          }
          chart={
            <LineChart
              data={overTime}
              xKey="label"
              series={[{ key: "rate", name: "Delivery rate", colour: "rate" }]}
              format={ratePercent}
              domain={[0, 100]}
            />
          }
          table="shown"
          range={location}
        />
        <ReportFigure
          title="Recipients by outcome"
          summary={`Recipients by outcome: ${formatCount(totals.delivered)} delivered, ${formatCount(totals.failed)} failed, ${formatCount(totals.unconfirmed)} unconfirmed, ${formatCount(totals.pending)} pending.`}
          chart={<BarChart data={overTime} xKey="label" series={[...OUTCOMES]} stacked />}
          table={over}
          range={location}
        />
      </ReportSection>
      <ReportSection id="delivery-error-codes" title="Failures by error code">
        <ChartedTable
          chartTitle="Failures by error code"
          summary={`Failures by error code: ${report.errorCodes.map((row) => `${row.code} ${formatCount(row.count)}`).join(", ")}.`}
          chart={
            <BarChart
              data={report.errorCodes.map((row) => ({ code: String(row.code), count: row.count }))}
              xKey="code"
              series={[{ key: "count", name: "Failures", colour: "failed" }]}
            />
          }
          table={codes}
          range={location}
          empty="No failures in this range."
          stack
          linkHeader="Conversations"
          links={report.errorCodes.map((row) => ({
            href: drill(row.code),
            text: "Conversations →",
            label: `Conversations that failed with ${row.code}`,
          }))}
        />
      </ReportSection>
      <ReportSection id="delivery-carriers" title="By carrier">
        <ChartedTable
          chartTitle="Recipients by carrier"
          summary={`Recipients by carrier: ${report.carriers.map((row) => `${row.carrier || UNNAMED_CARRIER} ${formatCount(row.delivered)} delivered, ${formatCount(row.failed + row.unconfirmed)} not`).join("; ")}.`}
          chart={
            <BarChart
              data={report.carriers.map((row) => ({ ...row, carrier: row.carrier || UNNAMED_CARRIER }))}
              xKey="carrier"
              series={[...OUTCOMES]}
              stacked
            />
          }
          table={carriers}
          range={location}
          empty="No carrier named in this range."
        />
      </ReportSection>
      <div className="grid min-w-0 gap-4 xl:grid-cols-2">
        <ReportSection id="delivery-kinds" title="One-to-one and group">
          <ReportTable table={kindsTable(report)} range={location} hideCaption />
        </ReportSection>
        <ReportSection id="delivery-channels" title="SMS and MMS">
          <ReportTable table={channelsTable(report)} range={location} hideCaption />
        </ReportSection>
      </div>
    </div>
  );
}
