// Prisma's CLI with the JavaScript schema engine: no engine binary is downloaded or needed.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= "/bin/false";

import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./prisma/migration-adapter";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx --conditions=react-server prisma/seed.ts" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run through `npm start` or set it (see .env.example)");
    return createMigrationAdapter(url);
  },
});
