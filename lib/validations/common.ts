import { z } from "zod";
import { safeText } from "@/lib/bandwidth/callback-payload";
import { E164 } from "@/lib/bandwidth/number-rules";

// The building blocks every contract shares, so an id or a number means the same everywhere.

/** An id: 8-4-4-4-12 hex digits (ours, and Bandwidth's application ids). */
export const uuid = (message = "must be a UUID") => z.guid(message);

/** A phone number in E.164 form, as Bandwidth checks it: `+`, then up to 15 digits. */
export const e164 = (message = "must be E.164, e.g. +19195550100") => z.string().regex(E164, message);

// Control characters (PostgreSQL refuses NUL in text and jsonb; the rest have no place in a name
// or a search). NUL and lone surrogates (half of a character) are what `safeText` replaces.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether a string is text we can store and show: no NUL, no lone surrogate. */
export function isStorableText(value: string): boolean {
  return safeText(value) === value;
}

/** A single line of text (a name, a label, a search): trimmed, at most `max`, no control characters. */
export const singleLine = (field: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${field}: at most ${max} characters`)
    .refine(
      (value) => !CONTROL.test(value) && !/[\n\r\t]/.test(value),
      `${field}: no control characters or line breaks`,
    )
    .refine(isStorableText, `${field}: contains an invalid character`);

/** Free text (a message): line breaks are fine, NUL and lone surrogates are not. */
export const freeText = (field: string, max: number) =>
  z
    .string()
    .max(max, `${field}: at most ${max} characters`)
    .refine((value) => !CONTROL.test(value.replace(/[\t\n\r\f]/g, "")), `${field}: contains a control character`)
    .refine(isStorableText, `${field}: contains an invalid character`);

/** What an audit entry can be about. */
export const AUDIT_TARGET_TYPES = [
  "account",
  "application",
  "number",
  "user",
  "saved_reply",
  "consent",
  "export",
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
