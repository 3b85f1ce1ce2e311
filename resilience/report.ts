// The printed result: per phase and kind of request, counts and latencies; then the checks.
import { percentile } from "@/bench/session";
import type { Check, Phase } from "./checks";
import { ok, type Attempt } from "./webhook-traffic";

export function printTable(attempts: Attempt[], phases: Phase[]): void {
  const header = [
    "phase",
    "secs",
    "kind",
    "sent",
    "2xx",
    "503",
    "500",
    "other",
    "no answer",
    "p50 ms",
    "p95 ms",
    "p99 ms",
  ];
  const rows: string[][] = [];
  for (const phase of phases) {
    const mine = attempts.filter((attempt) => attempt.phase === phase.name);
    for (const kind of [...new Set(mine.map((attempt) => attempt.kind))].sort()) {
      const group = mine.filter((attempt) => attempt.kind === kind);
      const ms = group.map((attempt) => attempt.ms);
      const count = (test: (status: number) => boolean) =>
        String(group.filter((attempt) => test(attempt.status)).length);
      rows.push([
        phase.name,
        ((phase.end - phase.start) / 1000).toFixed(0),
        kind,
        String(group.length),
        count(ok),
        count((status) => status === 503),
        count((status) => status === 500),
        count((status) => status !== 0 && !ok(status) && status !== 503 && status !== 500),
        count((status) => status === 0),
        String(percentile(ms, 50)),
        String(percentile(ms, 95)),
        String(percentile(ms, 99)),
      ]);
    }
  }
  const table = [header, ...rows];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  console.info(line(table[0]!));
  console.info(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of table.slice(1)) console.info(line(row));
  console.info(
    "\nkinds: load = single events through HAProxy; batch = the burst's large batches; probe-appN = single events straight to one instance while the database is away; cross = events posted to app2 for app1's live stream",
  );
}

export function printChecks(checks: Check[]): void {
  console.info("");
  for (const check of checks) console.info(`${check.passed ? "✔" : "✖"} ${check.name}\n    ${check.detail}`);
}
