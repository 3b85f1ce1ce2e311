import { z } from "zod";
import { uuid } from "@/lib/validations/common";
import { HttpError } from "@/lib/errors";

// Keyset cursors over (time, id): stable under inserts, O(log n) with the matching index.
// Times outside what we could have written (year 0, say) are refused before they reach SQL.
const cursorSchema = z.object({
  at: z.iso.datetime().refine((at) => {
    const year = new Date(at).getUTCFullYear();
    return year >= 1970 && year <= 9999;
  }, "out of range"),
  id: uuid(),
});

export type Cursor = { at: Date; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at.toISOString(), id: cursor.id })).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return { at: new Date(parsed.at), id: parsed.id };
  } catch {
    throw new HttpError(400, "invalid_cursor", "cursor is not one this API gave out");
  }
}
