import "server-only";
import { decodeCursor, encodeCursor } from "@/lib/conversations/cursor";
import type { Db } from "@/lib/db";
import type { FailuresPage, FailuresQuery } from "@/lib/validations/reports";
import { errorMeaning } from "./delivery-report";
import { inRange, paramsOf, rangeOf, reportQuery } from "./report-range";

/** Conversations per page of a drill-down. */
export const FAILURES_PAGE_SIZE = 50;

// The conversations one error code hit in the range, latest failure first: one index range of
// report_failures (error_code, hour), grouped by conversation, a keyset page of the groups.
const FAILURES_SQL = `
SELECT f.conversation_id::text AS conversation_id, c.owner_number, c.participants, c.is_group,
       count(*)::int AS failures, max(f.failed_at) AS last_failed_at
FROM report_failures f JOIN conversations c ON c.id = f.conversation_id
WHERE f.error_code = $5 AND ${inRange("f.hour", "f.our_number")}
GROUP BY f.conversation_id, c.owner_number, c.participants, c.is_group
HAVING $6::timestamptz IS NULL OR (max(f.failed_at), f.conversation_id) < ($6::timestamptz, $7::uuid)
ORDER BY last_failed_at DESC, f.conversation_id DESC
LIMIT $8`;

export async function failedConversations(
  database: Db,
  query: FailuresQuery,
  numbers: string[] | null,
): Promise<FailuresPage> {
  const range = rangeOf(query);
  const after = decodeCursor(query.cursor);
  const rows = await reportQuery<{
    conversation_id: string;
    owner_number: string;
    participants: string[];
    is_group: boolean;
    failures: number;
    last_failed_at: Date;
  }>(database, FAILURES_SQL, [
    ...paramsOf(range, numbers),
    query.code,
    after?.at ?? null,
    after?.id ?? null,
    FAILURES_PAGE_SIZE + 1,
  ]);
  const page = rows.slice(0, FAILURES_PAGE_SIZE);
  const last = page.at(-1);
  const { description, meaning } = errorMeaning(query.code);
  return {
    code: query.code,
    description,
    meaning,
    range,
    conversations: page.map((row) => ({
      conversationId: row.conversation_id,
      ourNumber: row.owner_number,
      participants: row.participants,
      isGroup: row.is_group,
      failures: row.failures,
      lastFailedAt: row.last_failed_at.toISOString(),
    })),
    nextCursor:
      rows.length > FAILURES_PAGE_SIZE && last
        ? encodeCursor({ at: last.last_failed_at, id: last.conversation_id })
        : null,
  };
}
