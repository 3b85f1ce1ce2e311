import { MAX_SNOOZE_MS } from "@/lib/conversations/workflow";

// The custom snooze time: what a datetime-local input holds, in the agent's own time zone.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** "2026-12-01T09:00" (seconds optional) as that moment in the browser's time zone; null if it is not one. */
export function parseLocalDateTime(value: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const date = new Date(year!, month! - 1, day!, hour!, minute!, second!);
  // new Date rolls 31 February over into March: that is not the day the agent typed.
  if (date.getMonth() !== month! - 1 || date.getDate() !== day! || date.getHours() !== hour!) return null;
  return date;
}

/** A moment as a datetime-local value, to the minute. */
export function toLocalDateTimeValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What is wrong with a custom snooze time, in words; null when it can be sent (the server has the last word). */
export function customSnoozeProblem(value: string, now: Date): string | null {
  if (value.trim() === "") return "Choose a date and a time.";
  const until = parseLocalDateTime(value);
  if (!until) return "That is not a date and time.";
  if (until.getTime() <= now.getTime()) return "Choose a time in the future.";
  if (until.getTime() - now.getTime() > MAX_SNOOZE_MS) return "Snooze for at most a year.";
  return null;
}
