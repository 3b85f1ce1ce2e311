import "server-only";
import type { ConversationScope } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { HttpError, notFound } from "@/lib/errors";
import { granularityOf, type ReportQuery, type ReportRange } from "@/lib/validations/reports";

// What every report query shares: the range as instants ($1 from, $2 to, $3 tz: days in the viewer's
// zone, `to` included), our numbers it covers ($4: null for all), and its buckets.

export type RangeParams = [from: string, to: string, tz: string, numbers: string[] | null];

/** Rows whose `column` is inside the range and whose `numberColumn` is one of the numbers. */
export function inRange(column = "hour", numberColumn = "our_number"): string {
  return `${column} >= ($1::date)::timestamp AT TIME ZONE $3 AND ${column} < ($2::date + 1)::timestamp AT TIME ZONE $3
  AND ($4::text[] IS NULL OR ${numberColumn} = ANY($4::text[]))`;
}

/** The bucket of a rollup hour, as the local time of its start ("YYYY-MM-DDTHH:MI:SS"). */
export function bucketOf(range: ReportRange, column = "hour"): string {
  const unit = range.granularity === "hour" ? "hour" : "day";
  return `to_char(date_trunc('${unit}', ${column} AT TIME ZONE $3), 'YYYY-MM-DD"T"HH24:MI:SS')`;
}

/** Every bucket of the range, empty ones included: its key (as bucketOf) and its start instant. */
export async function bucketsOf(database: Db, range: ReportRange): Promise<Array<{ key: string; at: string }>> {
  const step = range.granularity === "hour" ? "1 hour" : "1 day";
  const rows = await reportQuery<{ key: string; at: Date }>(
    database,
    `SELECT DISTINCT to_char(b, 'YYYY-MM-DD"T"HH24:MI:SS') AS key, b AT TIME ZONE $3 AS at
     FROM generate_series(($1::date)::timestamp, ($2::date)::timestamp + interval '1 day' - interval '${step}', interval '${step}') AS b
     ORDER BY 1`,
    [range.from, range.to, range.tz],
  );
  return rows.map((row) => ({ key: row.key, at: row.at.toISOString() }));
}

/**
 * The numbers a report covers for this viewer: all (null) for an admin without `number`; an
 * agent's own numbers; one number when asked (404 when it is not the viewer's to see).
 */
export function numbersFor(scope: ConversationScope, query: ReportQuery): string[] | null {
  if (scope.kind === "none") return [];
  if (query.number) {
    if (scope.kind === "numbers" && !scope.numbers.includes(query.number))
      throw notFound("number: not one of the numbers you can see");
    return [query.number];
  }
  return scope.kind === "all" ? null : scope.numbers;
}

export function rangeOf(query: ReportQuery): ReportRange {
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    number: query.number ?? null,
    granularity: granularityOf(query),
  };
}

export function paramsOf(range: ReportRange, numbers: string[] | null): RangeParams {
  return [range.from, range.to, range.tz, numbers];
}

/** When the rollups were last brought up to date. */
export async function rollupsAsOf(database: Db): Promise<string | null> {
  const rows = await database.$queryRawUnsafe<Array<{ refreshed_at: Date | null }>>(
    "SELECT refreshed_at FROM report_rollup_state WHERE id = 1",
  );
  return rows[0]?.refreshed_at?.toISOString() ?? null;
}

/**
 * A report's query: given the memory to sort a month of waits (a few hundred thousand integers) in
 * place instead of on disk, and no JIT (compiling costs more than it saves on these small scans).
 */
export async function reportQuery<T>(database: Db, sql: string, params: unknown[]): Promise<T[]> {
  try {
    const [, rows] = await database.$transaction([
      database.$queryRawUnsafe("SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)"),
      database.$queryRawUnsafe<T[]>(sql, ...params),
    ]);
    return rows;
  } catch (error) {
    // A zone the browser knows but this PostgreSQL's time zone data does not (older tzdata).
    if (error instanceof Error && /time zone .* not recognized/.test(error.message))
      throw new HttpError(400, "invalid_request", "tz: this server does not know that time zone; choose another");
    throw error;
  }
}
