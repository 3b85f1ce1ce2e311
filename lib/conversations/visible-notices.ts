import "server-only";
import { isInScope, type Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { viewerScope } from "./viewer-scope";

/**
 * The change notices a viewer may hear of: only those about conversations they may see (the live
 * stream asks this for every batch). A scope that covers everything costs no query.
 */
export async function visibleNotices(database: Db, viewer: Actor, notices: ChangeNotice[]): Promise<ChangeNotice[]> {
  const scope = await viewerScope(database, viewer);
  if (scope.kind === "all") return notices;
  if (scope.kind === "none" || notices.length === 0) return [];
  const ids = [...new Set(notices.map((notice) => notice.conversationId))];
  const rows = await database.conversation.findMany({
    where: { id: { in: ids } },
    select: { id: true, ownerNumber: true },
  });
  const visible = new Set(rows.filter((row) => isInScope(scope, row)).map((row) => row.id));
  return notices.filter((notice) => visible.has(notice.conversationId));
}
