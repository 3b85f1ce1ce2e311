// The full NDJSON export on the large inbox (issue 18): messages per second, and the app server's
// peak resident memory while it streams (sampled from /proc, so Linux only), which must stay bounded
// however many messages there are.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import pg from "pg";
import type { RunningApp } from "./app-server";
import { BENCH_ADMIN } from "./inbox";
import { seedLargeInbox } from "./seed-large";
import { signIn } from "./session";

export type ExportBench = {
  messages: number;
  megabytes: number;
  seconds: number;
  messagesPerSecond: number;
  /** The server process's resident memory before the download, and the most sampled during it. */
  rssBeforeMb: number;
  peakRssMb: number;
  /** The most sampled in each quarter of the download: flat when memory is bounded, rising when it is not. */
  peakRssByQuarterMb: number[];
  /** The process's own high-water mark (VmHWM) after the download: its peak over its whole life. */
  lifetimePeakRssMb: number;
};

/**
 * Exports every message of the large inbox as NDJSON through the app's own routes, as the admin's
 * browser does: create, then stream the download while sampling the server's memory every 100 ms.
 * Seeds bench/seed-large.ts's inbox first when the database has fewer than `minimumMessages`.
 */
export async function benchExport(app: RunningApp, options: { minimumMessages?: number } = {}): Promise<ExportBench> {
  const connectionString = process.env.DATABASE_URL ?? "";
  const range = await messageDays(connectionString);
  if (range.count < (options.minimumMessages ?? 1_000_000)) await seedLargeInbox(connectionString);
  const { from, to } = await messageDays(connectionString);
  const cookie = await signIn(app.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const created = await fetch(`${app.url}/api/admin/exports`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ kind: "messages_ndjson", from, to, tz: "UTC" }),
  });
  if (created.status !== 201)
    throw new Error(`creating the export answered ${created.status}: ${await created.text()}`);
  const { export: made } = (await created.json()) as { export: { id: string; total: number } };

  const pid = serverPid(Number(new URL(app.url).port));
  const rssBeforeMb = memoryMb(pid, "VmRSS");
  const samples: Array<{ at: number; mb: number }> = [];
  const started = performance.now();
  const sampler = setInterval(() => samples.push({ at: performance.now() - started, mb: memoryMb(pid, "VmRSS") }), 100);
  let lines = 0;
  let bytes = 0;
  try {
    const response = await fetch(`${app.url}/api/admin/exports/${made.id}/download`, { headers: { cookie } });
    if (!response.ok || !response.body) throw new Error(`the download answered ${response.status}`);
    // Counting line ends, not parsing: the client shares the machine's cores with the server.
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines += 1;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const quarter = (seconds * 1000) / 4;
  const peakRssByQuarterMb = [0, 1, 2, 3].map((q) =>
    Math.max(0, ...samples.filter((s) => s.at >= q * quarter && s.at < (q + 1) * quarter).map((s) => s.mb)),
  );
  if (lines !== made.total) throw new Error(`the export wrote ${lines} lines for ${made.total} messages`);
  return {
    messages: lines,
    megabytes: bytes / 1024 / 1024,
    seconds,
    messagesPerSecond: lines / seconds,
    rssBeforeMb,
    peakRssMb: Math.max(rssBeforeMb, ...samples.map((sample) => sample.mb)),
    peakRssByQuarterMb,
    lifetimePeakRssMb: memoryMb(pid, "VmHWM"),
  };
}

/** The days (UTC) the messages span, and how many there are. */
async function messageDays(connectionString: string): Promise<{ from: string; to: string; count: number }> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ from: string | null; to: string | null; count: number }>(
      `SELECT to_char(min(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "from",
              to_char(max(created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "to", count(*)::int AS count FROM messages`,
    );
    const today = new Date().toISOString().slice(0, 10);
    return { from: rows[0]?.from ?? today, to: rows[0]?.to ?? today, count: rows[0]?.count ?? 0 };
  } finally {
    await client.end();
  }
}

/** The process listening on `port` (the Next server that lib/runtime/start.ts runs), from /proc. */
function serverPid(port: number): number {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A" && fields[9]) inodes.add(fields[9]);
    }
  }
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (inodes.has(target.replace(/^socket:\[(\d+)\]$/, "$1"))) return Number(entry);
      }
    } catch {
      // Another user's process, or one that just ended.
    }
  }
  throw new Error(`no process listens on port ${port}`);
}

function memoryMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : 0;
}
