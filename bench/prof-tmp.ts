import { spawn } from "node:child_process";
import { startApp, BENCH_APPLICATION_ID, BENCH_CALLBACKS, BENCH_NUMBER } from "./app-server";
import { load } from "./load";
const setup = await startApp(3201);
await setup.stop();
const env = {
  ...process.env,
  PORT: "3201",
  NEXTAUTH_URL: "http://127.0.0.1:3201",
  NEXTAUTH_SECRET: "x".repeat(40),
  ENCRYPTION_KEY: process.env.ENCRYPTION_KEY,
  BENCH_NOOP_ROUTE: "true",
};
const child = spawn(
  process.execPath,
  ["--cpu-prof", "--cpu-prof-dir=/tmp/prof", "node_modules/next/dist/bin/next", "start", "-p", "3201"],
  { env, stdio: "ignore" },
);
while (
  !(await fetch("http://127.0.0.1:3201/api/health")
    .then((r) => r.ok)
    .catch(() => false))
)
  await new Promise((r) => setTimeout(r, 300));
const auth = `Basic ${Buffer.from(`${BENCH_CALLBACKS.username}:${BENCH_CALLBACKS.password}`).toString("base64")}`;
let n = 0;
const body = () => {
  n++;
  const now = new Date().toISOString();
  return JSON.stringify([
    {
      type: "message-received",
      time: now,
      to: BENCH_NUMBER,
      description: "x",
      message: {
        id: `prof-${Date.now()}-${n}`,
        owner: BENCH_NUMBER,
        applicationId: BENCH_APPLICATION_ID,
        time: now,
        segmentCount: 1,
        direction: "in",
        to: [BENCH_NUMBER],
        from: `+1555${String(1000000 + (n % 500)).slice(1)}`,
        text: "hi",
      },
    },
  ]);
};
await load({
  url: `http://127.0.0.1:3201/api/webhooks/bandwidth/${BENCH_APPLICATION_ID}`,
  headers: { "content-type": "application/json", authorization: auth },
  body,
  connections: 10,
  seconds: 5,
});
const r = await load({
  url: `http://127.0.0.1:3201/api/webhooks/bandwidth/${BENCH_APPLICATION_ID}`,
  headers: { "content-type": "application/json", authorization: auth },
  body,
  connections: 50,
  seconds: 20,
});
console.log(r.perSecond, r.p50, r.p99);
await new Promise<void>((resolve) => {
  child.once("exit", () => resolve());
  child.kill("SIGINT");
});
