import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SANDBOX_ENV_NAMES } from "@/sandbox/config";
import { envSchema, parseEnv } from "./env";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/switchboard",
  NEXTAUTH_SECRET: "x".repeat(32),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("environment", () => {
  it("accepts a minimal production environment with defaults", () => {
    const env = parseEnv(valid);
    expect(env).toMatchObject({
      TRUST_PROXY: false,
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: 5,
      SIGN_IN_FAILURE_WINDOW_MINUTES: 15,
    });
  });

  it("lists every problem at once, in words", () => {
    expect(() => parseEnv({ NEXTAUTH_SECRET: "short", ENCRYPTION_KEY: "abc", ADMIN_EMAIL: "ops@example.com" })).toThrow(
      /DATABASE_URL is required[\s\S]*at least 32 characters[\s\S]*32 bytes/,
    );
    expect(() => parseEnv({ ...valid, ADMIN_EMAIL: "ops@example.com" })).toThrow(/set both or neither/);
    expect(() => parseEnv({ ...valid, DATABASE_URL: "mysql://x" })).toThrow(/postgresql:\/\//);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ ...valid, ADMIN_EMAIL: "", ADMIN_PASSWORD: "" }).ADMIN_EMAIL).toBeUndefined();
  });

  it("documents every variable the code reads in .env.example", () => {
    const example = readFileSync(".env.example", "utf8");
    const read = new Set([...Object.keys(envSchema.shape), ...Object.values(SANDBOX_ENV_NAMES)]);
    for (const file of sourceFiles(["lib", "app", "prisma", "e2e", "playwright.config.ts"])) {
      for (const match of readFileSync(file, "utf8").matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)/g))
        read.add(match[1] ?? "");
    }
    const platform = new Set([
      "NODE_ENV",
      "NEXT_RUNTIME",
      "CI",
      "PRISMA_SCHEMA_ENGINE_BINARY",
      "PRISMA_QUERY_ENGINE_LIBRARY",
      "TEST_DATABASE_SERVER_URL",
      "NEXT_TELEMETRY_DISABLED",
      "PATH",
    ]);
    const undocumented = [...read].filter(
      (name) => !platform.has(name) && !new RegExp(`^#? ?${name}=`, "m").test(example),
    );
    expect(undocumented).toEqual([]);
  });
});

function sourceFiles(entries: string[]): string[] {
  return entries.flatMap((entry) => {
    if (!statSync(entry, { throwIfNoEntry: false })) return [];
    if (!statSync(entry).isDirectory()) return [entry];
    return readdirSync(entry)
      .filter((name) => name !== "generated")
      .flatMap((name) => sourceFiles([path.join(entry, name)]))
      .filter((file) => /\.(ts|tsx)$/.test(file));
  });
}
