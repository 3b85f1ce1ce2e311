import "server-only";
import { explainError } from "@/lib/bandwidth/error-explanations";
import { findErrorCode } from "@/lib/bandwidth/error-catalogue";
import type { Db } from "@/lib/db";
import type { DeliveryCounts, DeliveryReport, ReportQuery } from "@/lib/validations/reports";
import { bucketOf, bucketsOf, inRange, paramsOf, rangeOf, reportQuery, rollupsAsOf } from "./report-range";

// The delivery report (admins): what became of every recipient of our messages in the range, from
// the rollups (lib/reports/rollup.ts) — two grouped scans of a few thousand rollup rows, whatever
// the number of messages.

type Outcome = "delivered" | "failed" | "unconfirmed" | "pending";
type Dimension = "total" | "bucket" | "code" | "carrier" | "group" | "mms";

const OUTCOMES_SQL = (bucket: string) => `
SELECT CASE WHEN GROUPING(bucket) = 0 THEN 'bucket' WHEN GROUPING(error_code) = 0 THEN 'code'
            WHEN GROUPING(carrier) = 0 THEN 'carrier' WHEN GROUPING(is_group) = 0 THEN 'group'
            WHEN GROUPING(is_mms) = 0 THEN 'mms' ELSE 'total' END AS dimension,
       coalesce(bucket, error_code::text, carrier, is_group::text, is_mms::text, '') AS key,
       outcome, sum(recipients)::int AS recipients
FROM (SELECT ${bucket} AS bucket, error_code, carrier, is_group, is_mms, outcome, recipients
      FROM report_delivery_hours WHERE ${inRange()}) AS d
GROUP BY GROUPING SETS ((outcome), (bucket, outcome), (error_code, outcome), (carrier, outcome), (is_group, outcome), (is_mms, outcome))`;

const MESSAGES_SQL = (bucket: string) => `
SELECT CASE WHEN GROUPING(bucket) = 0 THEN 'bucket' WHEN GROUPING(is_group) = 0 THEN 'group'
            WHEN GROUPING(is_mms) = 0 THEN 'mms' ELSE 'total' END AS dimension,
       coalesce(bucket, is_group::text, is_mms::text, '') AS key,
       sum(messages)::int AS messages, sum(segments)::int AS segments
FROM (SELECT ${bucket} AS bucket, is_group, is_mms, messages, segments
      FROM report_message_hours WHERE direction = 'OUTBOUND' AND ${inRange()}) AS m
GROUP BY GROUPING SETS ((), (bucket), (is_group), (is_mms))`;

/** Counts by outcome → the report's figures (pure). */
export function deliveryCounts(byOutcome: Partial<Record<Outcome, number>>): DeliveryCounts {
  const delivered = byOutcome.delivered ?? 0;
  const failed = byOutcome.failed ?? 0;
  const unconfirmed = byOutcome.unconfirmed ?? 0;
  const pending = byOutcome.pending ?? 0;
  const final = delivered + failed + unconfirmed;
  return {
    recipients: final + pending,
    delivered,
    failed,
    unconfirmed,
    pending,
    deliveryRate: final === 0 ? null : delivered / final,
  };
}

/** What an error code means, for a report's row (code 0: refused before Bandwidth gave a code). */
export function errorMeaning(code: number): {
  description: string | null;
  meaning: string;
  retry: ReturnType<typeof explainError>["retry"];
} {
  if (code === 0)
    return {
      description: null,
      meaning: "Refused when sent (Bandwidth's API answered with an error, no code)",
      retry: "unknown",
    };
  const explained = explainError(code);
  return { description: findErrorCode(code)?.description ?? null, meaning: explained.title, retry: explained.retry };
}

export async function deliveryReport(
  database: Db,
  query: ReportQuery,
  numbers: string[] | null,
): Promise<DeliveryReport> {
  const range = rangeOf(query);
  const params = paramsOf(range, numbers);
  const bucket = bucketOf(range);
  const [outcomes, messages, buckets, asOf] = await Promise.all([
    reportQuery<{ dimension: Dimension; key: string; outcome: Outcome; recipients: number }>(
      database,
      OUTCOMES_SQL(bucket),
      params,
    ),
    reportQuery<{ dimension: Dimension; key: string; messages: number; segments: number }>(
      database,
      MESSAGES_SQL(bucket),
      params,
    ),
    bucketsOf(database, range),
    rollupsAsOf(database),
  ]);

  const counts = new Map<string, Partial<Record<Outcome, number>>>();
  for (const row of outcomes) {
    const id = `${row.dimension}:${row.key}`;
    const entry = counts.get(id) ?? {};
    entry[row.outcome] = (entry[row.outcome] ?? 0) + row.recipients;
    counts.set(id, entry);
  }
  const sent = new Map(messages.map((row) => [`${row.dimension}:${row.key}`, row]));
  const countsOf = (dimension: Dimension, key: string) => deliveryCounts(counts.get(`${dimension}:${key}`) ?? {});
  const sentOf = (dimension: Dimension, key: string) => ({
    messagesSent: sent.get(`${dimension}:${key}`)?.messages ?? 0,
    segmentsSent: sent.get(`${dimension}:${key}`)?.segments ?? 0,
  });
  const keysOf = (dimension: Dimension) =>
    [...counts.keys()].filter((id) => id.startsWith(`${dimension}:`)).map((id) => id.slice(dimension.length + 1));

  // error_code is 0 unless the recipient failed: a real code is always a failure (9902 among
  // them); code 0 counts only where the recipient failed without one (the send itself refused).
  const byCode = new Map<number, number>();
  for (const row of outcomes) {
    if (row.dimension !== "code" || (row.key === "0" && row.outcome !== "failed")) continue;
    byCode.set(Number(row.key), (byCode.get(Number(row.key)) ?? 0) + row.recipients);
  }
  const failedTotal = [...byCode.values()].reduce((sum, count) => sum + count, 0);

  return {
    range,
    asOf,
    totals: { ...countsOf("total", ""), ...sentOf("total", "") },
    overTime: buckets.map((b) => ({
      bucket: b.at,
      ...countsOf("bucket", b.key),
      messagesSent: sentOf("bucket", b.key).messagesSent,
    })),
    errorCodes: [...byCode.entries()]
      .map(([code, count]) => ({
        code,
        ...errorMeaning(code),
        count,
        share: failedTotal === 0 ? 0 : count / failedTotal,
      }))
      .sort((a, b) => b.count - a.count || a.code - b.code),
    carriers: keysOf("carrier")
      .map((carrier) => ({ carrier, ...countsOf("carrier", carrier) }))
      .sort((a, b) => b.recipients - a.recipients || a.carrier.localeCompare(b.carrier)),
    kinds: (["false", "true"] as const).map((key) => ({
      kind: key === "true" ? ("group" as const) : ("one-to-one" as const),
      ...countsOf("group", key),
      messagesSent: sentOf("group", key).messagesSent,
    })),
    channels: (["false", "true"] as const).map((key) => ({
      channel: key === "true" ? ("MMS" as const) : ("SMS" as const),
      ...countsOf("mms", key),
      ...sentOf("mms", key),
    })),
  };
}
