// `npm run bench`: starts the real app against a fresh database and measures it. Figures are
// ratios against a baseline measured in the same run, on the same machine, at the same time.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startApp } from "./app-server";
import { BENCH_ADMIN, benchLiveLatency, benchReadApi } from "./inbox";
import { benchExport } from "./export";
import { benchReports } from "./reports";
import { benchWebhook } from "./webhook";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3200);

const app = await startApp(port, { ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password });
try {
  console.log(`\nWebhook vs a do-nothing Next.js route: ${connections} connections, ${seconds} s each\n`);
  const report = await benchWebhook(app, { seconds, connections });
  const row = (name: string, r: typeof report.webhook) =>
    `| ${name} | ${r.perSecond.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.ok} | ${r.non2xx + r.errors + r.timeouts} |`;
  console.log("| route | 2xx/s | p50 ms | p99 ms | 2xx | other |");
  console.log("|---|---|---|---|---|---|");
  console.log(row("POST /api/bench/noop (baseline)", report.baseline));
  console.log(row("POST /api/webhooks/bandwidth/{id}", report.webhook));
  console.log(`\nthroughput ratio webhook/baseline: ${(report.ratio * 100).toFixed(1)} %  (aim ≥ 60 %)`);
  console.log(`webhook p99: ${report.webhook.p99} ms  (aim < 100 ms)`);
  console.log(
    `acknowledged ${report.acknowledged}, stored ${report.stored}, distinct ${report.distinct}: ${report.storedOnce ? "every acknowledged event stored exactly once" : "MISMATCH"}`,
  );

  console.log("\nLive updates: a status callback until the browser shows it (aim p95 < 500 ms)\n");
  const live = await benchLiveLatency(app);
  console.log(
    `| ${live.name} | p50 ${live.p50.toFixed(0)} ms | p95 ${live.p95.toFixed(0)} ms | ${live.samples} events |`,
  );

  console.log("\nRead API on 50,000 conversations and 1,000,000 messages, sequential requests (aim p95 < 50 ms)\n");
  const read = await benchReadApi(app);
  console.log(`(seeded in ${read.seedSeconds.toFixed(0)} s)\n`);
  console.log("| request | p50 ms | p95 ms | samples |");
  console.log("|---|---|---|---|");
  for (const row of read.rows)
    console.log(`| ${row.name} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.samples} |`);

  console.log("\nReports on the same inbox, 30-day ranges, sequential requests (aim p95 < 300 ms)\n");
  const reports = await benchReports(app);
  console.log(
    `rollups: all of history rebuilt in ${reports.fullRebuildSeconds.toFixed(1)} s; a minute's run (the last hours) in ${reports.windowRunSeconds.toFixed(2)} s\n`,
  );
  console.log("| request | p50 ms | p95 ms | samples |");
  console.log("|---|---|---|---|");
  for (const row of reports.rows)
    console.log(`| ${row.name} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.samples} |`);

  console.log("\nExport: every message of the same inbox as NDJSON, streamed through the app\n");
  const exported = await benchExport(app);
  console.log(
    `${exported.messages.toLocaleString("en-US")} messages (${exported.megabytes.toFixed(0)} MB) in ${exported.seconds.toFixed(1)} s: ` +
      `${exported.messagesPerSecond.toFixed(0)} messages/s; the server's memory ${exported.rssBeforeMb.toFixed(0)} MB before, ` +
      `peak ${exported.peakRssMb.toFixed(0)} MB (by quarter of the download: ${exported.peakRssByQuarterMb.map((mb) => mb.toFixed(0)).join(", ")} MB)`,
  );

  const dir = path.join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "bench.json"),
    JSON.stringify(
      { at: new Date().toISOString(), seconds, connections, webhook: report, live, read, reports, exported },
      null,
      2,
    ),
  );
  if (!report.storedOnce) process.exitCode = 1;
} finally {
  await app.stop();
}
