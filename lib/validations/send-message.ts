import { z } from "zod";
import { freeText, uuid } from "./common";
import { formatPhoneNumber, normalisePhoneNumber } from "@/lib/bandwidth/phone-number";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";

export const MAX_RECIPIENTS = 10;
export const MAX_TEXT_LENGTH = 2048;

/**
 * POST /api/messages, and the composer's form. `to` may be one number or several (a group, at most
 * ten); each is normalised to E.164. With `conversationId`, `from` and `to` default to the
 * conversation's and must match it when given.
 */
export const sendMessageSchema = z
  .object({
    from: z.string().trim().min(1, "from: choose which of our numbers sends").optional(),
    to: z.union([z.string(), z.array(z.string()).min(1, "to: add at least one recipient")]).optional(),
    text: freeText("text", MAX_TEXT_LENGTH).optional(),
    conversationId: uuid("conversationId must be a conversation's id").optional(),
    /** Attachments uploaded first (POST /api/uploads), in the order to send them. */
    mediaIds: z
      .array(uuid("mediaIds: each must be an uploaded attachment's id"))
      .max(10, "mediaIds: at most 10 attachments per message")
      .optional(),
  })
  .strict();

export type SendMessageInput = z.infer<typeof sendMessageSchema>;

export type RecipientCheck = { ok: true; numbers: string[]; warnings: string[] } | { ok: false; problem: string };

/** Normalises and checks recipients: possible numbers, unique, 1–10, none of them `from`. */
export function checkRecipients(raw: string | string[], from: string | undefined): RecipientCheck {
  const list = (Array.isArray(raw) ? raw : [raw]).map((entry) => entry.trim()).filter(Boolean);
  if (list.length === 0) return { ok: false, problem: "Add at least one recipient." };
  if (list.length > MAX_RECIPIENTS)
    return {
      ok: false,
      problem: `A group message can have at most ${MAX_RECIPIENTS} recipients (${list.length} given).`,
    };
  const numbers: string[] = [];
  const warnings: string[] = [];
  for (const entry of list) {
    const normalised = normalisePhoneNumber(entry);
    if (!normalised) return { ok: false, problem: `${entry} is not a phone number (use E.164, e.g. +19195550100).` };
    if (numbers.includes(normalised.e164))
      return { ok: false, problem: `${formatPhoneNumber(normalised.e164)} is listed twice.` };
    if (normalised.e164 === from)
      return { ok: false, problem: `${formatPhoneNumber(normalised.e164)} is the number sending the message.` };
    if (!normalised.valid)
      warnings.push(
        `${formatPhoneNumber(normalised.e164)} does not look like an assigned number; it may not be delivered.`,
      );
    numbers.push(normalised.e164);
  }
  return { ok: true, numbers, warnings };
}

/** Toll-free numbers cannot send group messages (Bandwidth refuses them). */
export function groupFromTollFreeProblem(from: string, recipients: string[]): string | null {
  return recipients.length > 1 && isTollFreeNumber(from)
    ? `${formatPhoneNumber(from)} is a toll-free number: it can text one person at a time, not a group. Send from a local number instead.`
    : null;
}
