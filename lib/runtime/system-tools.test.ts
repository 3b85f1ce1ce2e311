import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { findTool } from "./system-tools";

describe("findTool", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("takes the path its variable names, when that is an executable", () => {
    vi.stubEnv("HAPROXY_PATH", process.execPath);
    expect(findTool("haproxy")).toBe(process.execPath);
  });

  it("does not look elsewhere when its variable names nothing runnable", () => {
    vi.stubEnv("CHROMIUM_PATH", "/nonexistent/chromium");
    vi.stubEnv("PATH", process.env.PATH ?? "");
    expect(findTool("chromium")).toBeUndefined();
  });

  it("looks on the PATH before the usual place", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "system-tools-"));
    const haproxy = path.join(dir, "haproxy");
    writeFileSync(haproxy, "#!/bin/sh\n", { mode: 0o755 });
    vi.stubEnv("HAPROXY_PATH", "");
    vi.stubEnv("PATH", `/nonexistent${path.delimiter}${dir}`);
    try {
      expect(findTool("haproxy")).toBe(haproxy);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
