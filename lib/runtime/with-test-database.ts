// `tsx lib/runtime/with-test-database.ts -- <command…>`: runs a test command against a brand-new,
// migrated PostgreSQL database and drops it afterwards. Uses DATABASE_URL's server when set (CI
// points it at the machine's PostgreSQL), else an embedded PostgreSQL under .data/test-postgres.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from "./databases";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";
import { migrate, projectRoot } from "./processes";

const separator = process.argv.indexOf("--");
const [command, ...args] = separator >= 0 ? process.argv.slice(separator + 1) : [];
if (!command) {
  console.error("usage: tsx lib/runtime/with-test-database.ts -- <command> [args…]");
  process.exit(2);
}

let embedded: RunningPostgres | undefined;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  embedded = await startEmbeddedPostgres({
    dataDir: path.join(projectRoot, ".data", "test-postgres"),
    port: Number(process.env.EMBEDDED_TEST_POSTGRES_PORT ?? 54339),
    quiet: true,
  });
  serverUrl = embedded.url("postgres");
}

const name = `switchboard_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const url = databaseUrl(serverUrl, name);
let exitCode = 1;
try {
  await createDatabaseIfMissing(serverUrl, name);
  await migrate(url);
  console.info(`[test database] ${name} is ready`);
  exitCode = await runCommand(command, args, {
    ...process.env,
    DATABASE_URL: url,
    TEST_DATABASE_SERVER_URL: serverUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  });
} catch (error) {
  console.error("[test database]", error);
} finally {
  if (!process.env.KEEP_TEST_DATABASE)
    await dropDatabase(serverUrl, name).catch((error) => console.error("[test database] drop failed", error));
  await embedded?.stop().catch(() => undefined);
}
process.exit(exitCode);

function runCommand(bin: string, argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(bin, argv, { stdio: "inherit", env, cwd: projectRoot, shell: process.platform === "win32" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}
