import { z } from "zod";
import { e164, singleLine, uuid } from "./common";

/** The inbox's views: Mine (open, assigned to me), Unassigned (open), All open, Snoozed, Closed. */
export const CONVERSATION_VIEWS = ["mine", "unassigned", "open", "snoozed", "closed"] as const;
export type ConversationView = (typeof CONVERSATION_VIEWS)[number];

/** GET /api/conversations (without `view`: every conversation, whatever its state) */
export const listConversationsQuery = z.object({
  view: z.enum(CONVERSATION_VIEWS, { message: `view: one of ${CONVERSATION_VIEWS.join(", ")}` }).optional(),
  q: singleLine("q", 100).optional(),
  ownerNumber: e164("ownerNumber must be E.164, e.g. +19195550100").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** GET /api/conversations/counts */
export const conversationCountsQuery = z.object({
  ownerNumber: e164("ownerNumber must be E.164, e.g. +19195550100").optional(),
});

/** GET /api/conversations/{id}/messages */
export const listMessagesQuery = z.object({
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const conversationIdParam = uuid("conversation id must be a UUID");

const workflowFields = {
  status: z.enum(["open", "snoozed", "closed"], { message: "status: open, snoozed or closed" }).optional(),
  snoozedUntil: z.iso
    .datetime({ offset: true, message: "snoozedUntil: an ISO 8601 time, e.g. 2026-12-01T09:00:00Z" })
    .transform((value) => new Date(value))
    .optional(),
  assigneeId: uuid("assigneeId: a user id, or null to unassign").nullable().optional(),
};

const atLeastOne = (body: { status?: unknown; assigneeId?: unknown }) =>
  body.status !== undefined || body.assigneeId !== undefined;
const NOTHING_TO_CHANGE = "body: give status (with snoozedUntil to snooze) or assigneeId";

/** PATCH /api/conversations/{id}: status, snooze and assignee (absent fields stay as they are). */
export const updateConversationBody = z.strictObject(workflowFields).refine(atLeastOne, NOTHING_TO_CHANGE);

/** POST /api/conversations/bulk: the same change to several conversations. */
export const bulkUpdateConversationsBody = z
  .strictObject({
    ids: z
      .array(uuid("ids: conversation ids (UUIDs)"))
      .min(1, "ids: choose at least one conversation")
      .max(100, "ids: at most 100 at a time"),
    ...workflowFields,
  })
  .refine(atLeastOne, NOTHING_TO_CHANGE);

export type ListConversationsQuery = z.infer<typeof listConversationsQuery>;
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;
