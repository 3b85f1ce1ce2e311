/**
 * A duration in seconds, in words a team lead reads at a glance, at most two units:
 * "45 s", "12 min", "3 h 5 min", "2 d 4 h". Null (nothing measured) is "—".
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.round(whole / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return joinUnits(hours, "h", minutes % 60, "min");
  const roundedHours = Math.round(minutes / 60);
  return joinUnits(Math.floor(roundedHours / 24), "d", roundedHours % 24, "h");
}

function joinUnits(major: number, majorUnit: string, minor: number, minorUnit: string): string {
  return minor === 0 ? `${major} ${majorUnit}` : `${major} ${majorUnit} ${minor} ${minorUnit}`;
}
