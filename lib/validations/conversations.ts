import { z } from "zod";

/** GET /api/conversations */
export const listConversationsQuery = z.object({
  q: z.string().trim().max(100, "q: at most 100 characters").optional(),
  ownerNumber: z.string().regex(/^\+\d{2,15}$/, "ownerNumber must be E.164, e.g. +19195550100").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** GET /api/conversations/{id}/messages */
export const listMessagesQuery = z.object({
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const conversationIdParam = z.uuid("conversation id must be a UUID");
