// Not committed: runs benchExport standalone against DATABASE_URL.
import { startApp } from "./bench/app-server";
import { benchExport } from "./bench/export";
import { BENCH_ADMIN } from "./bench/inbox";
import { signIn } from "./bench/session";

const app = await startApp(Number(process.env.BENCH_PORT ?? 3700), { ADMIN_EMAIL: BENCH_ADMIN.email, ADMIN_PASSWORD: BENCH_ADMIN.password });
try {
  if (process.env.PROBE) {
    const cookie = await signIn(app.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
    const made = await fetch(`${app.url}/api/admin/exports`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ kind: "messages_ndjson", from: "2026-01-01", to: "2026-12-31" }) });
    const { export: e } = await made.json() as { export: { id: string } };
    console.log(made.status, e);
    const first = await fetch(`${app.url}/api/admin/exports/${e.id}/download`, { headers: { cookie } });
    console.log("first", first.status, (await first.text()).length);
    const t = Date.now();
    const second = await fetch(`${app.url}/api/admin/exports/${e.id}/download`, { headers: { cookie }, signal: AbortSignal.timeout(15000) });
    console.log("second", second.status, await second.text(), Date.now() - t, "ms");
  } else {
    const result = await benchExport(app, { minimumMessages: Number(process.env.MIN_MESSAGES ?? 1_000_000) });
    console.log(JSON.stringify(result, null, 2));
  }
} finally {
  await app.stop();
}
