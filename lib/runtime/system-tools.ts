// The programs outside npm that the test suites drive: Chromium (Playwright's browser) and HAProxy
// (the resilience suite's load balancer). One place decides where each is, for playwright.config.ts,
// the resilience suite and the preflight that installs what is missing (lib/runtime/preflight.ts).
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

export type SystemTool = "chromium" | "haproxy";

/** Where each tool may be, in order: the variable that names it, then the usual places. */
export const TOOL_SOURCES: Record<SystemTool, { variable: string; candidates: () => string[] }> = {
  chromium: {
    variable: "CHROMIUM_PATH",
    // Debian's package first (what CI installs), then Playwright's own download.
    candidates: () => ["/usr/bin/chromium", ...onPath("chromium"), playwrightChromium()].filter(isString),
  },
  haproxy: {
    variable: "HAPROXY_PATH",
    candidates: () => [...onPath("haproxy"), "/usr/sbin/haproxy"],
  },
};

/**
 * The tool's executable, or undefined when it is not installed. A path set in the tool's variable
 * is the only candidate then (a wrong one is not silently replaced by another).
 */
export function findTool(tool: SystemTool): string | undefined {
  const source = TOOL_SOURCES[tool];
  const chosen = process.env[source.variable];
  if (chosen) return executable(chosen) ? chosen : undefined;
  return source.candidates().find(executable);
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

function onPath(name: string): string[] {
  return (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name));
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isString(value: string | undefined): value is string {
  return typeof value === "string";
}
