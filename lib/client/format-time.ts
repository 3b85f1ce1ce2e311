/** "just now", "5 min", "3 h", "Mon", "Mar 4" — compact times for lists. */
export function formatRelativeTime(date: Date, now = new Date()): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h`;
  if (seconds < 6 * 86_400) return date.toLocaleDateString("en-US", { weekday: "short" });
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric" });
}

/**
 * A moment ahead (when a snooze ends), as short as it can be without doubt: "3:40 PM" today,
 * "Tue 9:00 AM" within the week, "Dec 14, 9:00 AM" beyond, with the year when it is not this one.
 */
export function formatWhen(date: Date, now = new Date()): string {
  const time = date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
  const days = Math.round((startOfDay(date) - startOfDay(now)) / 86_400_000);
  let text: string;
  if (days === 0) text = time;
  else if (days > 0 && days < 7) text = `${date.toLocaleDateString("en-US", { weekday: "short" })} ${time}`;
  else {
    const sameYear = date.getFullYear() === now.getFullYear();
    const day = date.toLocaleDateString("en-US", {
      month: "short",
      day: "numeric",
      ...(sameYear ? {} : { year: "numeric" }),
    });
    text = `${day}, ${time}`;
  }
  // ICU puts a narrow no-break space before AM/PM; a plain one reads (and searches) the same everywhere.
  return text.replace(/\u202f/g, " ");
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}
