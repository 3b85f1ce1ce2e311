import "server-only";
import type { Db } from "@/lib/db";
import type { DurationStats, ReportQuery, TeamReport } from "@/lib/validations/reports";
import { bucketOf, bucketsOf, inRange, paramsOf, rangeOf, rollupsAsOf, reportQuery } from "./report-range";

// The team report (agents and admins, each within the numbers they may see): volume, how fast we
// answer customers, how long conversations stay open, and when customers write. Volume and waits
// and closings all come from the rollups; percentiles are sorted in memory (reportQuery).

type Dimension = "total" | "bucket" | "agent" | "number" | "heat";

// The hours are first summed per number and direction (the agents' split makes most rollup rows),
// so the time zone's arithmetic runs on a few thousand rows; the agents' counts come apart.
const VOLUME_SQL = (bucket: string) => `
SELECT CASE WHEN GROUPING(bucket) = 0 THEN 'bucket' WHEN GROUPING(our_number) = 0 THEN 'number'
            WHEN GROUPING(weekday) = 0 THEN 'heat' ELSE 'total' END AS dimension,
       coalesce(bucket, our_number, weekday || ':' || hour_of_day, '') AS key,
       coalesce(sum(messages) FILTER (WHERE direction = 'INBOUND'), 0)::int AS inbound,
       coalesce(sum(messages) FILTER (WHERE direction = 'OUTBOUND'), 0)::int AS outbound
FROM (SELECT ${bucket} AS bucket, our_number, direction, messages,
             extract(isodow FROM hour AT TIME ZONE $3)::int - 1 AS weekday, extract(hour FROM hour AT TIME ZONE $3)::int AS hour_of_day
      FROM (SELECT hour, our_number, direction, sum(messages) AS messages
            FROM report_message_hours WHERE ${inRange()} GROUP BY hour, our_number, direction) AS by_hour) AS v
GROUP BY GROUPING SETS ((), (bucket), (our_number), (weekday, hour_of_day))
UNION ALL
SELECT 'agent', coalesce(agent_id::text, ''), 0, sum(messages)::int
FROM report_message_hours WHERE direction = 'OUTBOUND' AND ${inRange()}
GROUP BY agent_id`;

const STATS = `count(seconds)::int AS count, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY seconds) AS percentiles`;

// One query per grouping (run side by side): a month of waits is a few hundred thousand rows, and
// one sort of them per grouping costs less than GROUPING SETS' sort-and-regroup; both percentiles
// come from one sorted pass (percentile_cont over an array).
const WAITS_SQL = (dimension: "total" | "agent" | "number") => {
  const column = { total: null, agent: "responder_id", number: "our_number" }[dimension];
  return `
SELECT '${dimension}' AS dimension, ${column ? `coalesce(${column}::text, '')` : "''"} AS key,
       count(*) FILTER (WHERE seconds IS NULL AND NOT closed_unanswered)::int AS unanswered,
       count(*) FILTER (WHERE closed_unanswered)::int AS closed_without_reply,
       count(seconds)::int AS count, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY seconds) AS percentiles
FROM report_waits WHERE ${inRange("started_at")}
${column ? `GROUP BY ${column}` : ""}`;
};

const CLOSES_SQL = `
SELECT CASE WHEN GROUPING(actor_id) = 0 THEN 'agent' WHEN GROUPING(our_number) = 0 THEN 'number' ELSE 'total' END AS dimension,
       coalesce(actor_id::text, our_number, '') AS key, 0 AS unanswered, 0 AS closed_without_reply, ${STATS}
FROM report_closes WHERE ${inRange("closed_at")}
GROUP BY GROUPING SETS ((), (actor_id), (our_number))`;

type StatsRow = {
  dimension: Dimension;
  key: string;
  unanswered: number;
  closed_without_reply: number;
  count: number;
  /** Median and 90th percentile; null when there is nothing to rank. */
  percentiles: [number, number] | null;
};

const NO_STATS: DurationStats = { count: 0, medianSeconds: null, p90Seconds: null };

function statsOf(row: StatsRow | undefined): DurationStats {
  if (!row) return NO_STATS;
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    count: row.count,
    medianSeconds: round(row.percentiles?.[0] ?? null),
    p90Seconds: round(row.percentiles?.[1] ?? null),
  };
}

function waitStatsOf(row: StatsRow | undefined): TeamReport["firstResponse"] {
  return { ...statsOf(row), unanswered: row?.unanswered ?? 0, closedWithoutReply: row?.closed_without_reply ?? 0 };
}

/** The per-agent table's row for nobody: messages and answers sent outside Switchboard, automatic replies. */
export const NO_AGENT = "No agent (automatic, or sent outside Switchboard)";

export async function teamReport(database: Db, query: ReportQuery, numbers: string[] | null): Promise<TeamReport> {
  const range = rangeOf(query);
  const params = paramsOf(range, numbers);
  const [volume, waits, closes, buckets, asOf] = await Promise.all([
    reportQuery<{ dimension: Dimension; key: string; inbound: number; outbound: number }>(
      database,
      VOLUME_SQL(bucketOf(range)),
      params,
    ),
    Promise.all(
      (["total", "agent", "number"] as const).map((dimension) =>
        reportQuery<StatsRow>(database, WAITS_SQL(dimension), params),
      ),
    ).then((groups) => groups.flat()),
    reportQuery<StatsRow>(database, CLOSES_SQL, params),
    bucketsOf(database, range),
    rollupsAsOf(database),
  ]);
  const find = <T extends { dimension: Dimension; key: string }>(rows: T[], dimension: Dimension, key: string) =>
    rows.find((row) => row.dimension === dimension && row.key === key);
  const keys = (dimension: Dimension, ...sets: Array<Array<{ dimension: Dimension; key: string }>>) => [
    ...new Set(
      sets
        .flat()
        .filter((row) => row.dimension === dimension)
        .map((row) => row.key),
    ),
  ];

  // Agents: whoever sent, answered or closed anything in the range (nobody: see NO_AGENT).
  const agentIds = keys("agent", volume, waits, closes).filter((key) => {
    const sent = find(volume, "agent", key)?.outbound ?? 0;
    return sent > 0 || (find(waits, "agent", key)?.count ?? 0) > 0 || (find(closes, "agent", key)?.count ?? 0) > 0;
  });
  const numberKeys = keys("number", volume, waits, closes);
  const [users, labels] = await Promise.all([
    database.user.findMany({ where: { id: { in: agentIds.filter(Boolean) } }, select: { id: true, name: true } }),
    database.phoneNumber.findMany({ where: { e164: { in: numberKeys } }, select: { e164: true, label: true } }),
  ]);
  const nameOf = new Map(users.map((user) => [user.id, user.name]));
  const labelOf = new Map(labels.map((number) => [number.e164, number.label]));
  const totalWaits = find(waits, "total", "");

  return {
    range,
    asOf,
    volume: { inbound: find(volume, "total", "")?.inbound ?? 0, outbound: find(volume, "total", "")?.outbound ?? 0 },
    overTime: buckets.map((b) => ({
      bucket: b.at,
      inbound: find(volume, "bucket", b.key)?.inbound ?? 0,
      outbound: find(volume, "bucket", b.key)?.outbound ?? 0,
    })),
    firstResponse: waitStatsOf(totalWaits),
    timeToClose: statsOf(find(closes, "total", "")),
    byAgent: agentIds
      .map((key) => ({
        agentId: key || null,
        name: key ? (nameOf.get(key) ?? "Former agent") : NO_AGENT,
        outbound: find(volume, "agent", key)?.outbound ?? 0,
        firstResponse: statsOf(find(waits, "agent", key)),
        timeToClose: statsOf(find(closes, "agent", key)),
      }))
      .sort((a, b) => Number(a.agentId === null) - Number(b.agentId === null) || a.name.localeCompare(b.name)),
    byNumber: numberKeys.sort().map((number) => {
      const numberWaits = find(waits, "number", number);
      return {
        number,
        label: labelOf.get(number) ?? null,
        inbound: find(volume, "number", number)?.inbound ?? 0,
        outbound: find(volume, "number", number)?.outbound ?? 0,
        firstResponse: waitStatsOf(numberWaits),
        timeToClose: statsOf(find(closes, "number", number)),
      };
    }),
    heatmap: Array.from({ length: 7 * 24 }, (_, index) => {
      const weekday = Math.floor(index / 24);
      const hour = index % 24;
      return { weekday, hour, inbound: find(volume, "heat", `${weekday}:${hour}`)?.inbound ?? 0 };
    }),
  };
}
