// `npm run bench`: starts the real app against a fresh database and measures it. Figures are
// ratios against a baseline measured in the same run, on the same machine, at the same time.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startApp } from "./app-server";
import { benchWebhook } from "./webhook";

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3200);

const app = await startApp(port);
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
  console.log(`acknowledged ${report.acknowledged}, stored ${report.stored}, distinct ${report.distinct}: ${report.storedOnce ? "every acknowledged event stored exactly once" : "MISMATCH"}`);
  const dir = path.join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "webhook.json"), JSON.stringify({ at: new Date().toISOString(), seconds, connections, ...report }, null, 2));
  if (!report.storedOnce) process.exitCode = 1;
} finally {
  await app.stop();
}
