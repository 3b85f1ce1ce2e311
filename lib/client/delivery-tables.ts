import type { DeliveryCounts, DeliveryReport, FailedConversation } from "@/lib/validations/reports";
import { bucketLabel } from "./report-location";
import { percent, type ReportCell, type ReportColumn, type ReportTableModel } from "./report-table-model";

// The delivery report's tables (issue 18): each chart's table view and the tables themselves.

const OUTCOME_COLUMNS: ReportColumn[] = [
  { header: "Recipients", numeric: true },
  { header: "Delivered", numeric: true },
  { header: "Failed", numeric: true },
  { header: "Unconfirmed", numeric: true },
  { header: "Pending", numeric: true },
  { header: "Delivery rate", numeric: true },
];

function outcomeCells(counts: DeliveryCounts): ReportCell[] {
  return [
    counts.recipients,
    counts.delivered,
    counts.failed,
    counts.unconfirmed,
    counts.pending,
    percent(counts.deliveryRate),
  ];
}

export function deliveryOverTimeTable(report: DeliveryReport): ReportTableModel {
  const { granularity, tz } = report.range;
  return {
    title: granularity === "hour" ? "Delivery by hour" : "Delivery by day",
    name: "delivery-over-time",
    columns: [
      { header: granularity === "hour" ? "Hour" : "Day", plain: true },
      { header: "Messages sent", numeric: true },
      ...OUTCOME_COLUMNS,
    ],
    rows: report.overTime.map((bucket) => [
      bucketLabel(bucket.bucket, granularity, tz),
      bucket.messagesSent,
      ...outcomeCells(bucket),
    ]),
  };
}

export function errorCodesTable(report: DeliveryReport): ReportTableModel {
  return {
    title: "Failures by error code",
    name: "delivery-error-codes",
    columns: [
      { header: "Code" },
      { header: "Error" },
      { header: "Meaning" },
      { header: "Send again?" },
      { header: "Failures", numeric: true },
      { header: "Share", numeric: true },
    ],
    rows: report.errorCodes.map((row) => [
      String(row.code),
      row.description ?? "",
      row.meaning,
      RETRY_WORDS[row.retry],
      row.count,
      percent(row.share),
    ]),
  };
}

const RETRY_WORDS: Record<DeliveryReport["errorCodes"][number]["retry"], string> = {
  yes: "Yes",
  once: "Once",
  no: "No",
  unknown: "Unknown",
};

/** The name shown for callbacks that named no carrier. */
export const UNNAMED_CARRIER = "Not named";

export function carriersTable(report: DeliveryReport): ReportTableModel {
  return {
    title: "Delivery by carrier",
    name: "delivery-carriers",
    columns: [{ header: "Carrier" }, ...OUTCOME_COLUMNS],
    rows: report.carriers.map((row) => [row.carrier || UNNAMED_CARRIER, ...outcomeCells(row)]),
  };
}

export function kindsTable(report: DeliveryReport): ReportTableModel {
  return {
    title: "One-to-one and group",
    name: "delivery-one-to-one-and-group",
    columns: [{ header: "Conversation" }, { header: "Messages sent", numeric: true }, ...OUTCOME_COLUMNS],
    rows: report.kinds.map((row) => [
      row.kind === "group" ? "Group" : "One-to-one",
      row.messagesSent,
      ...outcomeCells(row),
    ]),
  };
}

export function channelsTable(report: DeliveryReport): ReportTableModel {
  return {
    title: "SMS and MMS",
    name: "delivery-sms-and-mms",
    columns: [
      { header: "Channel" },
      { header: "Messages sent", numeric: true },
      { header: "Segments", numeric: true },
      ...OUTCOME_COLUMNS,
    ],
    rows: report.channels.map((row) => [row.channel, row.messagesSent, row.segmentsSent, ...outcomeCells(row)]),
  };
}

/** The conversations one error code hit (the drill page), every page loaded so far. */
export function failedConversationsTable(
  code: number,
  conversations: FailedConversation[],
  tz: string,
): ReportTableModel {
  return {
    title: `Conversations that failed with ${code}`,
    name: `delivery-failures-${code}`,
    columns: [
      { header: "Participants", plain: true },
      { header: "Our number", plain: true },
      { header: "Kind" },
      { header: "Failures", numeric: true },
      { header: "Last failed", plain: true },
    ],
    rows: conversations.map((row) => [
      row.participants.join(" "),
      row.ourNumber,
      row.isGroup ? "Group" : "One-to-one",
      row.failures,
      { value: row.lastFailedAt, text: formatMoment(row.lastFailedAt, tz) },
    ]),
  };
}

/** "Nov 2, 2026, 5:00 AM" in the viewer's zone (the CSV keeps the ISO time). */
function formatMoment(iso: string, tz: string): string {
  return new Date(iso)
    .toLocaleString("en-US", { timeZone: tz, dateStyle: "medium", timeStyle: "short" })
    .replace(/\u202f/g, " ");
}
