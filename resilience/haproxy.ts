// HAProxy (Debian's package) in front of the instances, from resilience/haproxy.cfg: the example
// config of README's "Running several instances", so the README shows what this suite runs.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findTool } from "@/lib/runtime/system-tools";
import { projectRoot } from "@/lib/runtime/processes";
import { spawnGroup } from "./child-groups";

export const HAPROXY_TEMPLATE = path.join(projectRoot, "resilience", "haproxy.cfg");

/** The template with its listening address and one `server` line per instance. */
export function renderHaproxyConfig(listen: string, servers: Array<{ name: string; address: string }>): string {
  const lines = servers.map(({ name, address }) => `    server ${name} ${address} check`);
  return readFileSync(HAPROXY_TEMPLATE, "utf8").replace("{{listen}}", listen).replace("{{servers}}", lines.join("\n"));
}

export async function startHaproxy(options: {
  folder: string;
  port: number;
  instancePorts: number[];
}): Promise<{ url: string }> {
  const haproxy = findTool("haproxy");
  if (!haproxy) throw new Error("HAProxy is not installed (run `tsx lib/runtime/preflight.ts haproxy`)");
  const config = path.join(options.folder, "haproxy.cfg");
  const servers = options.instancePorts.map((port, index) => ({
    name: `app${index + 1}`,
    address: `127.0.0.1:${port}`,
  }));
  writeFileSync(config, renderHaproxyConfig(`127.0.0.1:${options.port}`, servers));
  const check = spawnGroup(haproxy, ["-c", "-q", "-f", config], {
    cwd: options.folder,
    env: process.env,
    logFile: path.join(options.folder, "haproxy.log"),
  });
  const valid = await new Promise<boolean>((resolve) => check.once("exit", (code) => resolve(code === 0)));
  if (!valid) throw new Error(`HAProxy refused its config (see ${path.join(options.folder, "haproxy.log")})`);
  // -db: stay in the foreground (the suite owns the process), logging to stderr.
  spawnGroup(haproxy, ["-db", "-f", config], {
    cwd: options.folder,
    env: process.env,
    logFile: path.join(options.folder, "haproxy.log"),
  });
  return { url: `http://127.0.0.1:${options.port}` };
}
