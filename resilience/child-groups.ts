// Every process the suite starts runs in a process group of its own, so that `kill -9` reaches the
// whole of an app instance (start script, tsx, server) and so that nothing outlives the run: on
// failure, Ctrl-C or a plain exit, each group still running is ended and each cleanup step runs.
import { spawn, type ChildProcess } from "node:child_process";
import { openSync } from "node:fs";

const groups = new Set<ChildProcess>();
const cleanups: Array<() => Promise<void> | void> = [];
/** Steps that must run even on a synchronous exit (no awaiting there): kill by pid, remove folders. */
const lastResorts: Array<() => void> = [];

/** Starts `command` in a new process group, its output appended to `logFile`. */
export function spawnGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): ChildProcess {
  const log = openSync(options.logFile, "a");
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  groups.add(child);
  child.once("exit", () => groups.delete(child));
  return child;
}

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the leader has exited. */
export async function stopGroup(child: ChildProcess, graceMs = 8_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, "SIGKILL");
    return;
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
  // Whatever the leader left behind in its group.
  signalGroup(child, "SIGKILL");
}

export function onCleanup(step: () => Promise<void> | void, lastResort?: () => void): void {
  cleanups.unshift(step);
  if (lastResort) lastResorts.unshift(lastResort);
}

let cleanedUp = false;

/** Ends every group and runs the cleanup steps, newest first. Safe to call more than once. */
export async function cleanUp(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  await Promise.all([...groups].map((child) => stopGroup(child, 3_000)));
  for (const step of cleanups)
    await Promise.resolve(step()).catch((error: unknown) => console.error("[cleanup]", error));
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    console.error(`\n✖ ${signal}: stopping everything the resilience suite started`);
    void cleanUp().finally(() => process.exit(130));
  });
}
process.once("exit", () => {
  for (const child of groups) signalGroup(child, "SIGKILL");
  for (const step of lastResorts) step();
});
