// Child processes of the start and test scripts.
import { spawn, type SpawnOptions } from "node:child_process";
import path from "node:path";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");

export function binary(name: string): string {
  return path.join(projectRoot, "node_modules", ".bin", name);
}

/** Runs a command to completion with inherited output; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: projectRoot, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code ?? signal}`)),
    );
  });
}

/** Applies committed migrations (prisma migrate deploy); safe to run on every start. */
export function migrate(databaseUrl: string): Promise<void> {
  return run(binary("prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
