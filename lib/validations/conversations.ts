import { z } from "zod";
import { e164, singleLine, uuid } from "./common";

/** GET /api/conversations */
export const listConversationsQuery = z.object({
  q: singleLine("q", 100).optional(),
  ownerNumber: e164("ownerNumber must be E.164, e.g. +19195550100").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** GET /api/conversations/{id}/messages */
export const listMessagesQuery = z.object({
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const conversationIdParam = uuid("conversation id must be a UUID");

export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;
