import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSandboxConfig } from "./config";

describe("sandbox settings", () => {
  it("defaults to Bandwidth's documented limits", () => {
    expect(loadSandboxConfig({})).toMatchObject({
      rateSegmentsPerMinute: 60,
      queueCapacitySegments: 900,
      mediaRetentionHours: 48,
      timeScale: 1,
      port: 3010,
    });
  });

  it("reads SANDBOX_* variables and names the bad ones", () => {
    expect(
      loadSandboxConfig({ SANDBOX_TIME_SCALE: "1000", SANDBOX_NUMBERS: "+15555550100, +15555550101" }),
    ).toMatchObject({
      timeScale: 1000,
      numbers: ["+15555550100", "+15555550101"],
    });
    expect(() => loadSandboxConfig({ SANDBOX_TIME_SCALE: "-1", SANDBOX_FAULT_SHUFFLE: "maybe" })).toThrow(
      /SANDBOX_TIME_SCALE[\s\S]*SANDBOX_FAULT_SHUFFLE/,
    );
  });

  it("refuses legacy Basic by default, as Bandwidth from 2 December 2026, and reads the OAuth client", () => {
    expect(loadSandboxConfig({})).toMatchObject({
      legacyBasicAuth: "refused",
      clientId: "sandbox-client-id",
      clientSecret: "sandbox-client-secret",
    });
    expect(
      loadSandboxConfig({
        SANDBOX_LEGACY_BASIC_AUTH: "accepted",
        SANDBOX_CLIENT_ID: "id",
        SANDBOX_CLIENT_SECRET: "secret",
      }),
    ).toMatchObject({
      legacyBasicAuth: "accepted",
      clientId: "id",
      clientSecret: "secret",
    });
    expect(() => loadSandboxConfig({ SANDBOX_LEGACY_BASIC_AUTH: "yes" })).toThrow(/SANDBOX_LEGACY_BASIC_AUTH/);
  });
});

describe("the sandbox", () => {
  it("imports nothing from the app but Bandwidth's pure rules", () => {
    const tsFiles = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith(".ts") ? [full] : [];
      });
    const appImports = (file: string) =>
      [
        ...readFileSync(file, "utf8").matchAll(/from\s+["']((@\/|(\.\.\/)+(lib|app|components|prisma)\/)[^"']*)["']/g),
      ].map((match) => match[1]);
    const offenders = tsFiles(import.meta.dirname).flatMap((file) =>
      appImports(file).filter((target) => !target?.startsWith("@/lib/bandwidth/")),
    );
    expect(offenders).toEqual([]);
    // …and those rules are pure: no database, no secrets, nothing else of the app.
    const bandwidthDir = path.join(import.meta.dirname, "..", "lib", "bandwidth");
    const shared = new Set(
      tsFiles(import.meta.dirname)
        .flatMap(appImports)
        .map((target) => `${target?.slice("@/lib/bandwidth/".length)}.ts`),
    );
    for (const file of shared) {
      const source = readFileSync(path.join(bandwidthDir, file), "utf8");
      expect(source, file).not.toMatch(/server-only|@\/lib\/(db|env|generated)|from\s+["']@\/(app|components)/);
      expect(appImports(path.join(bandwidthDir, file)), file).toEqual([]);
    }
  });
});

describe("the README's test numbers", () => {
  it("list every code of the catalogue", async () => {
    const { errorCodes } = await import("@/lib/bandwidth/error-catalogue");
    const readme = readFileSync(path.join(import.meta.dirname, "..", "README.md"), "utf8");
    const table = /<!-- test-numbers:start -->([\s\S]*)<!-- test-numbers:end -->/.exec(readme)?.[1] ?? "";
    const listed = [...table.matchAll(/`\+1555555(\d{4})` \| (\d{4}) /g)].map((match) => [
      Number(match[1]),
      Number(match[2]),
    ]);
    expect(listed).toEqual(
      errorCodes()
        .map((entry) => [entry.code, entry.code])
        .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
    );
  });
});
