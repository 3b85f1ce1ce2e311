import "server-only";
import type { Db } from "@/lib/db";

/**
 * Reserves the moment a send of `segments` may leave for a Bandwidth account, so that every app
 * instance together keeps to `segmentsPerMinute` (Bandwidth counts segments). Atomic in
 * PostgreSQL; returns the reserved start, which may be in the future.
 */
export async function reserveSendSlot(
  database: Db,
  accountId: string,
  segments: number,
  segmentsPerMinute: number,
): Promise<Date> {
  const intervalMs = Math.round((segments * 60_000) / segmentsPerMinute);
  const rows = await database.$queryRaw<Array<{ slot: Date }>>`
    INSERT INTO send_pacing (account_id, next_slot_at) VALUES (${accountId}::uuid, now() + make_interval(secs => ${intervalMs / 1000}))
    ON CONFLICT (account_id) DO UPDATE
      SET next_slot_at = greatest(send_pacing.next_slot_at, now()) + make_interval(secs => ${intervalMs / 1000})
    RETURNING next_slot_at - make_interval(secs => ${intervalMs / 1000}) AS slot`;
  return rows[0]?.slot ?? new Date();
}
