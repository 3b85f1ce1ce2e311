// `npm start`: everything a machine needs to run Switchboard, in order. With DATABASE_URL unset it
// runs the embedded default (PostgreSQL in .data/, generated secrets, demo data); with it set, it
// only migrates, bootstraps the admin from ADMIN_EMAIL/ADMIN_PASSWORD, builds when needed and serves.
// `--dev` serves with `next dev` instead of a production build.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db";
import { applyBandwidthEnvironment } from "@/lib/bandwidth/env-bootstrap";
import { DEMO_BANDWIDTH, seedDemoData } from "@/lib/demo/seed-demo";
import { parseEnv } from "@/lib/env";
import { countUsers, DEMO_USERS, ensureAdminFromEnv } from "@/lib/users/bootstrap";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "./build-fingerprint";
import { createDatabaseIfMissing } from "./databases";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";
import { loadOrCreateLocalSecrets } from "./local-secrets";
import { binary, migrate, projectRoot, run } from "./processes";
import { startSandboxForApp, type RunningSandbox } from "./start-sandbox";

const dev = process.argv.includes("--dev");
const envFile = path.join(projectRoot, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const dataDir = path.resolve(projectRoot, process.env.DATA_DIR ?? ".data");
let embedded: RunningPostgres | undefined;
let sandbox: RunningSandbox | undefined;

async function main() {
  const embeddedDefault = !process.env.DATABASE_URL;
  if (embeddedDefault) {
    step("No DATABASE_URL: starting the embedded PostgreSQL (data in .data/postgres)");
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54329),
    });
    await createDatabaseIfMissing(embedded.url("postgres"), "switchboard");
    process.env.DATABASE_URL = embedded.url("switchboard");
    const secrets = loadOrCreateLocalSecrets(dataDir);
    process.env.NEXTAUTH_SECRET ??= secrets.NEXTAUTH_SECRET;
    process.env.ENCRYPTION_KEY ??= secrets.ENCRYPTION_KEY;
    process.env.SEED_DEMO ??= "true";
    process.env.SANDBOX_ENABLED ??= "true";
  }
  if (process.env.SANDBOX_ENABLED === "true") applyDemoBandwidthAccount();
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  (process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
  const config = parseEnv(process.env);

  if (config.SANDBOX_ENABLED) {
    sandbox = await startSandboxForApp({ appUrl: `http://127.0.0.1:${port}` });
    if (!process.env.BANDWIDTH_MESSAGING_BASE_URL) {
      process.env.BANDWIDTH_MESSAGING_BASE_URL = sandbox.messagingBaseUrl;
      config.BANDWIDTH_MESSAGING_BASE_URL = sandbox.messagingBaseUrl;
    }
    if (!process.env.BANDWIDTH_OAUTH_TOKEN_URL) {
      process.env.BANDWIDTH_OAUTH_TOKEN_URL = sandbox.tokenUrl;
      config.BANDWIDTH_OAUTH_TOKEN_URL = sandbox.tokenUrl;
    }
    step(`Bandwidth sandbox at ${sandbox.url} (customer phone: ${sandbox.url}/sandbox)`);
  }

  step("Applying database migrations");
  await migrate(config.DATABASE_URL);

  const database = createPrismaClient(config.DATABASE_URL);
  try {
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
      if (await ensureAdminFromEnv(database, config.ADMIN_EMAIL, config.ADMIN_PASSWORD))
        step(`Created admin ${config.ADMIN_EMAIL}`);
    }
    const bandwidth = await applyBandwidthEnvironment(database, config);
    if (bandwidth.applied) {
      step(
        `Bandwidth account ${bandwidth.accountId} from the environment${bandwidth.numbers.length ? ` (numbers ${bandwidth.numbers.join(", ")})` : ""}`,
      );
      for (const warning of bandwidth.warnings) console.warn(`  ! ${warning}`);
    }
    if (config.SEED_DEMO) {
      step("Loading demo data (users and conversations)");
      await seedDemoData(database);
    }
    if ((await countUsers(database)) === 0) {
      console.warn(
        "\n  ! No user exists yet: set ADMIN_EMAIL and ADMIN_PASSWORD and start again to create an admin.\n",
      );
    }
  } finally {
    await database.$disconnect();
  }

  if (!dev) {
    const fingerprint = sourceFingerprint(projectRoot);
    if (!buildIsCurrent(projectRoot, fingerprint)) {
      step("Building the app (first start or changed sources; takes a minute)");
      await run(binary("next"), ["build"]);
      recordBuild(projectRoot, fingerprint);
    }
  }

  step(`Starting the web server on port ${port}`);
  // Production runs our server (lib/runtime/serve.ts: it hands the app each connection's peer
  // address for rate limits); `next dev` has none, so sign-in limits share one bucket there.
  const server = dev
    ? spawn(binary("next"), ["dev", "-p", String(port), "-H", host], {
        cwd: projectRoot,
        stdio: "inherit",
        env: process.env,
      })
    : spawn(binary("tsx"), [path.join(projectRoot, "lib", "runtime", "serve.ts")], {
        cwd: projectRoot,
        stdio: "inherit",
        env: { ...process.env, PORT: String(port), HOST: host },
      });
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The web server lets its requests finish first; the database stops only after it exited.
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await sandbox?.sandbox.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  server.on("exit", (code) => void stopAll(code ?? 1));

  await waitForHealth(`http://127.0.0.1:${port}/api/health`);
  printBanner(config.NEXTAUTH_URL ?? `http://localhost:${port}`, config.SEED_DEMO === true, sandbox?.url);
}

/** With the sandbox, the Bandwidth account is the sandbox's demo one, unless set otherwise. */
function applyDemoBandwidthAccount() {
  const demo = {
    BANDWIDTH_ACCOUNT_ID: DEMO_BANDWIDTH.accountId,
    BANDWIDTH_CLIENT_ID: DEMO_BANDWIDTH.clientId,
    BANDWIDTH_CLIENT_SECRET: DEMO_BANDWIDTH.clientSecret,
    BANDWIDTH_APPLICATION_ID: DEMO_BANDWIDTH.applicationId,
    BANDWIDTH_APPLICATION_NAME: "Support inbox (sandbox)",
    BANDWIDTH_CALLBACK_USERNAME: DEMO_BANDWIDTH.callbackUsername,
    BANDWIDTH_CALLBACK_PASSWORD: DEMO_BANDWIDTH.callbackPassword,
    BANDWIDTH_NUMBERS: DEMO_BANDWIDTH.numbers.join(","),
  };
  if (process.env.BANDWIDTH_ACCOUNT_ID) return;
  Object.assign(process.env, demo);
}

function step(message: string) {
  console.log(`▸ ${message}`);
}

async function waitForHealth(url: string) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const healthy = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not become healthy at ${url}`);
}

function printBanner(url: string, demo: boolean, sandboxUrl: string | undefined) {
  const lines = [`Switchboard is running at ${url}`];
  if (sandboxUrl) lines.push(`Text it as a customer:   ${sandboxUrl}/sandbox`);
  if (demo) {
    lines.push("", "Demo sign-in (embedded default):");
    for (const user of DEMO_USERS) lines.push(`  ${user.role.padEnd(5)}  ${user.email}  /  ${user.password}`);
  }
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  console.log(`\n┌${"─".repeat(width)}┐`);
  for (const line of lines) console.log(`│  ${line.padEnd(width - 2)}│`);
  console.log(`└${"─".repeat(width)}┘\n`);
}

main().catch(async (error: unknown) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  await sandbox?.sandbox.close().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
