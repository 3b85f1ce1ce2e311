// `tsx lib/runtime/preflight.ts chromium haproxy`: before the suites that need them, make sure the
// programs outside npm are there (lib/runtime/system-tools.ts says where each may be). A missing one
// is installed the way this machine can (Debian's package as root; Playwright's own Chromium
// otherwise), or the run stops at once with one sentence saying what to install.
import { spawnSync } from "node:child_process";
import { binary, projectRoot } from "./processes";
import { findTool, TOOL_SOURCES, type SystemTool } from "./system-tools";

const DEBIAN_PACKAGES: Record<SystemTool, string> = { chromium: "chromium", haproxy: "haproxy" };

const wanted = process.argv.slice(2).filter((name): name is SystemTool => name in TOOL_SOURCES);
const unknown = process.argv.slice(2).filter((name) => !(name in TOOL_SOURCES));
if (unknown.length > 0 || wanted.length === 0) {
  console.error(`usage: tsx lib/runtime/preflight.ts ${Object.keys(TOOL_SOURCES).join(" | ")} …`);
  process.exit(2);
}

let missing = wanted.filter((tool) => !findTool(tool));
// A variable pointing nowhere is a mistake to fix, not something to install around.
for (const tool of missing) {
  const { variable } = TOOL_SOURCES[tool];
  if (process.env[variable]) stop(`${variable}=${process.env[variable]} is not an executable: fix or unset it.`);
}

if (missing.length > 0 && canUseApt()) {
  const packages = missing.map((tool) => DEBIAN_PACKAGES[tool]);
  console.info(`▸ Installing ${packages.join(" and ")} (Debian packages) for the test suites`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const updated = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env }).status === 0;
  if (updated) spawnSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env });
  missing = missing.filter((tool) => !findTool(tool));
}

if (missing.includes("chromium")) {
  console.info("▸ Downloading Playwright's own Chromium");
  spawnSync(binary("playwright"), ["install", "chromium"], { stdio: "inherit", cwd: projectRoot });
  missing = missing.filter((tool) => !findTool(tool));
}

if (missing.length > 0) {
  const advice: Record<SystemTool, string> = {
    chromium:
      "Chromium (Debian: `sudo apt-get install chromium`, or `npx playwright install chromium`, or set CHROMIUM_PATH)",
    haproxy: "HAProxy (Debian: `sudo apt-get install haproxy`, or set HAPROXY_PATH)",
  };
  stop(`The tests need ${missing.map((tool) => advice[tool]).join(" and ")}; install it and run them again.`);
}

function canUseApt(): boolean {
  return process.getuid?.() === 0 && spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
}

function stop(sentence: string): never {
  console.error(`✖ ${sentence}`);
  process.exit(1);
}
