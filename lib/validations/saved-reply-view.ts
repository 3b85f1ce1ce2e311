// A saved reply as our API returns it. Pure: the server maps rows with it, the browser takes its type.

export function toSavedReply(
  row: { id: string; ownerId: string | null; name: string; body: string; updatedAt: Date },
  canManage: boolean,
) {
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    scope: row.ownerId === null ? ("team" as const) : ("personal" as const),
    /** Whether the caller may edit and delete it (their own; the team's when they are an admin). */
    canManage,
    updatedAt: row.updatedAt,
  };
}

export type SavedReplyView = ReturnType<typeof toSavedReply>;
