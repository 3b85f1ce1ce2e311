import { z } from "zod";
import { e164 } from "./common";

// The reports' contract (issue 18): what /api/reports/* accept and answer, shared by the routes,
// the page and the tests. Figures come from the rollups of lib/reports (never rows loaded into Node).

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day in the viewer's time zone, YYYY-MM-DD. */
const day = (field: string) => z.string().refine(isDay, `${field}: must be a real day, YYYY-MM-DD`);

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The longest range a report covers (a year and a day, so "the last 12 months" fits). */
export const MAX_REPORT_DAYS = 367;
/** Ranges of at most this many days are shown hour by hour; longer ones day by day. */
export const HOURLY_UP_TO_DAYS = 2;

/** `from` and `to` are both included. `tz` decides where a day begins (the browser's zone). */
export const reportQuerySchema = z
  .object({
    from: day("from"),
    to: day("to"),
    tz: z
      .string()
      .max(64, "tz: at most 64 characters")
      .refine(isTimeZone, "tz: not a time zone (e.g. America/New_York)")
      .default("UTC"),
    number: e164("number: must be one of our numbers, E.164").optional(),
  })
  // Compared only when both are days (else their own message says so).
  .refine((query) => !isDay(query.from) || !isDay(query.to) || query.from <= query.to, {
    message: "from: must not be after to",
    path: ["from"],
  })
  .refine((query) => !isDay(query.from) || !isDay(query.to) || daysBetween(query.from, query.to) < MAX_REPORT_DAYS, {
    message: `to: a range covers at most ${MAX_REPORT_DAYS} days`,
    path: ["to"],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** Days from `from` to `to`, both YYYY-MM-DD (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function granularityOf(query: Pick<ReportQuery, "from" | "to">): "hour" | "day" {
  return daysBetween(query.from, query.to) + 1 <= HOURLY_UP_TO_DAYS ? "hour" : "day";
}

/** The conversations one error code hit (the drill-down of a delivery report's row). */
export const failuresQuerySchema = z
  .object({
    code: z.coerce
      .number({ message: "code: must be a number" })
      .int("code: must be a whole number")
      .min(0, "code: must be a Bandwidth error code")
      .max(99_999, "code: must be a Bandwidth error code"),
    cursor: z.string().max(200, "cursor: too long").optional(),
  })
  .and(reportQuerySchema);
export type FailuresQuery = z.infer<typeof failuresQuerySchema>;

export type ReportRange = {
  from: string;
  to: string;
  tz: string;
  number: string | null;
  granularity: "hour" | "day";
};

/** Recipients of outbound messages, by what became of them. */
export type DeliveryCounts = {
  recipients: number;
  delivered: number;
  /** Failed with an error other than 9902. */
  failed: number;
  /** No delivery receipt: error 9902, or the send's own answer was lost (status unconfirmed). */
  unconfirmed: number;
  /** Not final yet (queued, accepted, sending, sent). */
  pending: number;
  /** delivered ÷ (delivered + failed + unconfirmed); null when nothing is final. */
  deliveryRate: number | null;
};

export type DeliveryReport = {
  range: ReportRange;
  /** When the rollups were last brought up to date; null before their first run. */
  asOf: string | null;
  totals: DeliveryCounts & { messagesSent: number; segmentsSent: number };
  /** One entry per hour or day of the range (empty ones included), `bucket` its start (ISO). */
  overTime: Array<DeliveryCounts & { bucket: string; messagesSent: number }>;
  /** Failures (9902 included) by error code, most first; `share` of all failures, 0–1. */
  errorCodes: Array<{
    code: number;
    /** Bandwidth's short name, e.g. "delivery-receipt-expired"; null for a code not in the catalogue. */
    description: string | null;
    /** What it means, in words (code 0: the send was refused before it had a code). */
    meaning: string;
    /** Whether sending again may help, as lib/bandwidth/error-explanations.ts reads the catalogue. */
    retry: "yes" | "once" | "no" | "unknown";
    count: number;
    share: number;
  }>;
  /** By the carrier the callbacks (or Bandwidth's records) named; "" when none was named. */
  carriers: Array<DeliveryCounts & { carrier: string }>;
  /** One-to-one vs group, SMS vs MMS. */
  kinds: Array<DeliveryCounts & { kind: "one-to-one" | "group"; messagesSent: number }>;
  channels: Array<DeliveryCounts & { channel: "SMS" | "MMS"; messagesSent: number; segmentsSent: number }>;
};

/** Median and 90th percentile of durations, in seconds; null when there is none. */
export type DurationStats = { count: number; medianSeconds: number | null; p90Seconds: number | null };

export type WaitStats = DurationStats & { unanswered: number; closedWithoutReply: number };

export type TeamReport = {
  range: ReportRange;
  asOf: string | null;
  /** Customers' messages in, our messages out (agents', automatic and sent outside Switchboard). */
  volume: { inbound: number; outbound: number };
  overTime: Array<{ bucket: string; inbound: number; outbound: number }>;
  /**
   * From a customer's first unanswered message to our next reply, for waits that began in the range;
   * `unanswered`: still waiting; `closedWithoutReply`: closed with no reply after the customer's last
   * message (a "thanks"), neither answered nor waiting.
   */
  firstResponse: WaitStats;
  /** From a conversation's opening (or reopening) to its closing, for closings in the range. */
  timeToClose: DurationStats;
  byAgent: Array<{
    agentId: string | null;
    name: string;
    outbound: number;
    firstResponse: DurationStats;
    timeToClose: DurationStats;
  }>;
  byNumber: Array<{
    number: string;
    label: string | null;
    inbound: number;
    outbound: number;
    firstResponse: WaitStats;
    timeToClose: DurationStats;
  }>;
  /** Customers' messages by weekday (0 Monday … 6 Sunday) and hour (0–23) in `tz`: all 168 cells. */
  heatmap: Array<{ weekday: number; hour: number; inbound: number }>;
};

export type FailedConversation = {
  conversationId: string;
  ourNumber: string;
  participants: string[];
  isGroup: boolean;
  /** Recipients of this conversation that failed with the code in the range. */
  failures: number;
  lastFailedAt: string;
};

export type FailuresPage = {
  code: number;
  description: string | null;
  meaning: string;
  range: ReportRange;
  conversations: FailedConversation[];
  nextCursor: string | null;
};
