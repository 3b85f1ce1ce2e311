import { z } from "zod";
import { freeText, singleLine } from "./common";
import { MAX_TEXT_LENGTH } from "./send-message";

// The saved-reply contracts, shared by the routes and the form on /saved-replies.

export const SAVED_REPLY_NAME_MAX = 80;
/** A reply is inserted into the composer, so it may be as long as a message can be. */
export const SAVED_REPLY_BODY_MAX = MAX_TEXT_LENGTH;

const name = singleLine("name", SAVED_REPLY_NAME_MAX).pipe(z.string().min(1, "name: required"));
const body = freeText("body", SAVED_REPLY_BODY_MAX)
  .transform((value) => value.trim())
  .pipe(z.string().min(1, "body: required"));

/** "personal": only its author sees it. "team": everyone sees it, admins manage it. */
export const savedReplyScopeSchema = z.enum(["personal", "team"], { error: "scope: personal or team" });

/** POST /api/saved-replies. */
export const savedReplyCreateSchema = z
  .object({ name, body, scope: savedReplyScopeSchema.default("personal") })
  .strict();

/** PATCH /api/saved-replies/{id}: what is left out stays as it is (the scope never changes). */
export const savedReplyUpdateSchema = z
  .object({ name: name.optional(), body: body.optional() })
  .strict()
  .refine((value) => value.name !== undefined || value.body !== undefined, "nothing to change: give name or body");

export type SavedReplyCreate = z.infer<typeof savedReplyCreateSchema>;
export type SavedReplyUpdate = z.infer<typeof savedReplyUpdateSchema>;
