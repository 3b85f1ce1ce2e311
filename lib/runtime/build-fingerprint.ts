// `npm start` builds only when the sources changed since the last build.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "prisma/schema.prisma",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const SKIP = new Set(["generated", "node_modules", "runtime"]);

function* files(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (!statSync(entry).isDirectory()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    if (!SKIP.has(name) && !name.endsWith(".test.ts")) yield* files(path.join(entry, name));
  }
}

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "switchboard-build-fingerprint");

export function buildIsCurrent(root: string, fingerprint: string): boolean {
  const stamp = stampFile(root);
  return (
    existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint
  );
}

export function recordBuild(root: string, fingerprint: string): void {
  writeFileSync(stampFile(root), fingerprint);
}
