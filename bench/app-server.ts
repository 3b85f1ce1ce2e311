// Starts the real app (npm start's script: migrations, production build, `next start`) for a
// benchmark, against the database `npm run bench` created for this run.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

export const BENCH_CALLBACKS = { username: "bench-callbacks", password: "bench-callback-password-0123456789" };
export const BENCH_APPLICATION_ID = "b3ac0b5e-0000-4000-8000-00000000be7c";
export const BENCH_NUMBER = "+19195550199";

export type RunningApp = { url: string; stop: () => Promise<void> };

export async function startApp(port: number, extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const root = path.resolve(import.meta.dirname, "..");
  const child: ChildProcess = spawn(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", "lib/runtime/start.ts"],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        BENCH_NOOP_ROUTE: "true",
        SEED_DEMO: "false",
        BANDWIDTH_ACCOUNT_ID: "9900777",
        BANDWIDTH_CLIENT_ID: "bench-client",
        BANDWIDTH_CLIENT_SECRET: "bench-client-secret",
        BANDWIDTH_APPLICATION_ID: BENCH_APPLICATION_ID,
        BANDWIDTH_CALLBACK_USERNAME: BENCH_CALLBACKS.username,
        BANDWIDTH_CALLBACK_PASSWORD: BENCH_CALLBACKS.password,
        BANDWIDTH_NUMBERS: BENCH_NUMBER,
        ...extraEnv,
      },
    },
  );
  child.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (/▸|✖|Error/.test(text))
      process.stdout.write(
        text
          .split("\n")
          .filter((line) => /▸|✖|Error/.test(line))
          .map((l) => `  [app] ${l}\n`)
          .join(""),
      );
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000;
  while (
    !(await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error("the app did not become healthy within 5 minutes");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
