// The app instances: the production app as `npm start` serves it (lib/runtime/start.ts: migrations,
// the build when sources changed, lib/runtime/serve.ts), each in its own process group so that
// `kill -9` takes all of it, its output kept in a log file the suite reads afterwards.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { binary, projectRoot } from "@/lib/runtime/processes";
import { spawnGroup, signalGroup, stopGroup } from "./child-groups";
import type { SharedBandwidth } from "./bandwidth";
import { RESILIENCE_BANDWIDTH } from "./bandwidth";

export const RESILIENCE_ADMIN = { email: "resilience@example.com", password: "resilience-admin-password-17" };

export type Instance = {
  name: string;
  url: string;
  logFile: string;
  start(): Promise<void>;
  kill9(): void;
  stop(): Promise<void>;
  /** Whether it exited without being told to (a crash). */
  crashed(): boolean;
};

/** Settings both instances share: one database, one Bandwidth, the same secrets (sessions work on either). */
export function sharedEnvironment(options: {
  databaseUrl: string;
  balancerUrl: string;
  bandwidth: SharedBandwidth;
}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    NEXTAUTH_URL: options.balancerUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXT_TELEMETRY_DISABLED: "1",
    SEED_DEMO: "false",
    // The sandbox is the suite's, shared: the instances must not start one each.
    SANDBOX_ENABLED: "false",
    // Behind HAProxy (option forwardfor), as README's "Running several instances" says.
    TRUST_PROXY: "true",
    ADMIN_EMAIL: RESILIENCE_ADMIN.email,
    ADMIN_PASSWORD: RESILIENCE_ADMIN.password,
    BANDWIDTH_ACCOUNT_ID: RESILIENCE_BANDWIDTH.accountId,
    BANDWIDTH_CLIENT_ID: RESILIENCE_BANDWIDTH.clientId,
    BANDWIDTH_CLIENT_SECRET: RESILIENCE_BANDWIDTH.clientSecret,
    BANDWIDTH_APPLICATION_ID: RESILIENCE_BANDWIDTH.applicationId,
    BANDWIDTH_APPLICATION_NAME: "Resilience suite",
    BANDWIDTH_CALLBACK_USERNAME: RESILIENCE_BANDWIDTH.callbackUsername,
    BANDWIDTH_CALLBACK_PASSWORD: RESILIENCE_BANDWIDTH.callbackPassword,
    BANDWIDTH_NUMBERS: RESILIENCE_BANDWIDTH.number,
    BANDWIDTH_MESSAGING_BASE_URL: options.bandwidth.messagingBaseUrl,
    BANDWIDTH_OAUTH_TOKEN_URL: options.bandwidth.tokenUrl,
    BANDWIDTH_SEND_RATE_SEGMENTS_PER_MINUTE: "6000",
    // A send whose answer never came is settled (unconfirmed) seconds after its claim, not minutes.
    SEND_CONFIRMATION_WINDOW_SECONDS: "8",
  };
}

export function defineInstance(name: string, port: number, env: NodeJS.ProcessEnv, folder: string): Instance {
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(folder, `${name}.log`);
  let child: ChildProcess | undefined;
  let expectedExit = false;
  return {
    name,
    url,
    logFile,
    async start() {
      expectedExit = false;
      child = spawnGroup(binary("tsx"), ["--conditions=react-server", "lib/runtime/start.ts"], {
        cwd: projectRoot,
        env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
        logFile,
      });
      const started = child;
      await waitUntilHealthy(url, 900_000, () => started.exitCode !== null || started.signalCode !== null, logFile);
    },
    kill9() {
      expectedExit = true;
      if (child) signalGroup(child, "SIGKILL");
    },
    async stop() {
      expectedExit = true;
      if (child) await stopGroup(child);
    },
    crashed: () => Boolean(child && !expectedExit && (child.exitCode !== null || child.signalCode !== null)),
  };
}

export async function waitUntilHealthy(
  url: string,
  timeoutMs: number,
  gone: () => boolean = () => false,
  logFile?: string,
): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return Date.now() - started;
    if (gone()) throw new Error(`${url} exited before it was healthy${logFile ? ` (see ${logFile})` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not healthy within ${timeoutMs / 1000} s${logFile ? ` (see ${logFile})` : ""}`);
}
