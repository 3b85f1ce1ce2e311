import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export function createPrismaClient(connectionString: string) {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

export type Db = ReturnType<typeof createPrismaClient>;

// One client per process; Next's dev server reloads modules, so it is kept on globalThis.
const globalForPrisma = globalThis as unknown as { switchboardPrisma?: Db };

export function db(): Db {
  globalForPrisma.switchboardPrisma ??= createPrismaClient(env().DATABASE_URL);
  return globalForPrisma.switchboardPrisma;
}
