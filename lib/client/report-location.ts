import { reportQuerySchema, type ReportQuery } from "@/lib/validations/reports";

// What the reports page shows, kept in its address (?from&to&number&section) so a link reproduces
// the view; the time zone is the browser's and never part of the link.

export type ReportSection = "delivery" | "team";
export type RangePreset = "today" | "last-7-days" | "last-30-days" | "this-month";

export const RANGE_PRESETS: ReadonlyArray<{ id: RangePreset; label: string }> = [
  { id: "today", label: "Today" },
  { id: "last-7-days", label: "Last 7 days" },
  { id: "last-30-days", label: "Last 30 days" },
  { id: "this-month", label: "This month" },
];

export type ReportLocation = { from: string; to: string; number: string | null; section: ReportSection };

/** Today in a time zone, YYYY-MM-DD. */
export function todayIn(tz: string, now = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    now,
  );
}

/** A day `days` after (or before) `day`, both YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "last-7-days":
      return { from: addDays(today, -6), to: today };
    case "last-30-days":
      return { from: addDays(today, -29), to: today };
    case "this-month":
      return { from: `${today.slice(0, 8)}01`, to: today };
  }
}

/** Which preset a range is, if any (so the select shows it rather than "Custom"). */
export function presetOf(range: { from: string; to: string }, today: string): RangePreset | "custom" {
  const match = RANGE_PRESETS.find(({ id }) => {
    const preset = presetRange(id, today);
    return preset.from === range.from && preset.to === range.to;
  });
  return match?.id ?? "custom";
}

/**
 * The view an address asks for: a range the API would refuse (missing, malformed, reversed, too
 * long) becomes the last 7 days; an agent always gets the team section.
 */
export function readReportLocation(params: URLSearchParams, today: string, isAdmin: boolean): ReportLocation {
  const parsed = reportQuerySchema.safeParse({
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    number: params.get("number") || undefined,
  });
  const range = parsed.success
    ? { from: parsed.data.from, to: parsed.data.to, number: parsed.data.number ?? null }
    : { ...presetRange("last-7-days", today), number: validNumber(params.get("number")) };
  const section: ReportSection = isAdmin && params.get("section") !== "team" ? "delivery" : "team";
  return { ...range, section };
}

/** The address's query string for a view (without "?"). */
export function reportSearch(location: ReportLocation): string {
  const params = new URLSearchParams({ from: location.from, to: location.to });
  if (location.number) params.set("number", location.number);
  params.set("section", location.section);
  return params.toString();
}

/** The API's query string for a report. */
export function reportApiParams(query: ReportQuery, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, tz: query.tz });
  if (query.number) params.set("number", query.number);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

/** A download's file name: `delivery-error-codes-2026-11-01-to-2026-11-30.csv` (and the number, when one). */
export function csvFileName(table: string, range: { from: string; to: string; number?: string | null }): string {
  const number = range.number ? `-${range.number.replace(/\D/g, "")}` : "";
  return `${table}-${range.from}-to-${range.to}${number}.csv`;
}

/**
 * An hour or day of a report, named in the viewer's zone: "2026-11-03" by day, "2026-11-03 14:00"
 * by hour. Sortable, so it reads the same in a table, a chart and a spreadsheet.
 */
export function bucketLabel(iso: string, granularity: "hour" | "day", tz: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: tz,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return granularity === "day" ? day : `${day} ${parts.hour}:${parts.minute}`;
}

function validNumber(value: string | null): string | null {
  return value && /^\+[1-9]\d{1,14}$/.test(value) ? value : null;
}
