import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHANGES_CHANNEL, encodeNotices, type ChangeNotice } from "./change-notice";

/**
 * Queues change notices inside a transaction: PostgreSQL delivers a NOTIFY only when the
 * transaction commits, so browsers never hear of a change that was rolled back.
 */
export async function publishChanges(tx: Prisma.TransactionClient, notices: ChangeNotice[]): Promise<void> {
  for (const payload of encodeNotices(notices)) {
    await tx.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${payload})`;
  }
}
