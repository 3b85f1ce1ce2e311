import { z } from "zod";
import { freeText, uuid } from "./common";

export const MAX_NOTE_LENGTH = 4_000;

/**
 * POST /api/conversations/{id}/notes, and the composer's note mode. `mentionIds` names the
 * teammates to notify; each must also be written as `@Full Name` in the body (the server keeps only
 * those, and only teammates who may see the conversation).
 */
export const addNoteBody = z.strictObject({
  body: freeText("body", MAX_NOTE_LENGTH).trim().min(1, "body: write the note first"),
  mentionIds: z
    .array(uuid("mentionIds: each must be a teammate's id"))
    .max(50, "mentionIds: at most 50 mentions")
    .default([]),
});

export type AddNoteBody = z.infer<typeof addNoteBody>;
