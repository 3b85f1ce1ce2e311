// `npm run db:seed`: the demo data of the embedded default (idempotent).
import { seedDemoData } from "@/lib/demo/seed-demo";
import { createPrismaClient } from "@/lib/db";
import { env } from "@/lib/env";

const config = env();
const database = createPrismaClient(config.DATABASE_URL);
try {
  await seedDemoData(database);
  console.log("Demo data is in place.");
} finally {
  await database.$disconnect();
}
