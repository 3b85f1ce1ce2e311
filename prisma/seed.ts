// `npm run db:seed`: the demo data of the embedded default (idempotent).
import { seedDemoData } from "@/lib/demo/seed-demo";
import { createPrismaClient } from "@/lib/db";
import { env } from "@/lib/env";

const config = env();
const database = createPrismaClient(config.DATABASE_URL);
try {
  await seedDemoData(database, {
    encryptionKey: config.ENCRYPTION_KEY,
    messagingBaseUrl: process.env.BANDWIDTH_MESSAGING_BASE_URL ?? "http://127.0.0.1:3010/api/v2",
  });
  console.log("Demo data is in place.");
} finally {
  await database.$disconnect();
}
