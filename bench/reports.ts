// Reports on the large inbox (issue 18): how long the rollups take to build and to keep current,
// and each report's latency for a 30-day range (aim p95 < 300 ms).
import pg from "pg";
import type { RunningApp } from "./app-server";
import { BENCH_ADMIN } from "./inbox";
import { seedReportWork } from "./seed-large";
import { percentile, signIn } from "./session";

type Latency = { name: string; p50: number; p95: number; samples: number };

export type ReportsBench = { fullRebuildSeconds: number; windowRunSeconds: number; rows: Latency[] };

/** Runs after benchReadApi, on the inbox it seeded. */
export async function benchReports(app: RunningApp, samples = 100): Promise<ReportsBench> {
  const connectionString = process.env.DATABASE_URL ?? "";
  await seedReportWork(connectionString);
  const cookie = await signIn(app.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const call = async (path: string, method = "GET") => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { cookie, ...(method === "POST" ? { origin: app.url } : {}) },
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  // All of history, as the first run (and the nightly one) does it; then one minute's run.
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query("UPDATE report_rollup_state SET full_at = NULL");
  await client.end();
  let started = performance.now();
  await call("/api/reports/refresh", "POST");
  const fullRebuildSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await call("/api/reports/refresh", "POST");
  const windowRunSeconds = (performance.now() - started) / 1000;

  const to = new Date();
  const from = new Date(to.getTime() - 29 * 86_400_000);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const range = `from=${day(from)}&to=${day(to)}&tz=America%2FNew_York`;
  const delivery = (await call(`/api/reports/delivery?${range}`)) as { errorCodes: Array<{ code: number }> };
  const code = delivery.errorCodes[0]?.code ?? 4720;
  const timed = async (name: string, path: string): Promise<Latency> => {
    for (let warm = 0; warm < 5; warm += 1) await call(path);
    const times: number[] = [];
    for (let index = 0; index < samples; index += 1) {
      const at = performance.now();
      await call(path);
      times.push(performance.now() - at);
    }
    return { name, p50: percentile(times, 50), p95: percentile(times, 95), samples };
  };
  const rows = [
    await timed("delivery report, 30 days", `/api/reports/delivery?${range}`),
    await timed("delivery report, 30 days, one number", `/api/reports/delivery?${range}&number=%2B19195550101`),
    await timed("team report, 30 days", `/api/reports/team?${range}`),
    await timed("team report, 30 days, one number", `/api/reports/team?${range}&number=%2B19195550101`),
    await timed(`conversations hit by error ${code}, 30 days`, `/api/reports/delivery/failures?code=${code}&${range}`),
    await timed(
      "delivery report, 365 days",
      `/api/reports/delivery?from=${day(new Date(to.getTime() - 364 * 86_400_000))}&to=${day(to)}&tz=UTC`,
    ),
  ];
  return { fullRebuildSeconds, windowRunSeconds, rows };
}
