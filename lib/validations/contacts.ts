import { z } from "zod";

/** PUT /api/contacts/{phoneNumber}: the name agents see for a number ("" removes it). */
export const contactLabelSchema = z.object({ name: z.string().max(80, "name: at most 80 characters") }).strict();

export const phoneNumberParam = z.string().regex(/^\+[1-9]\d{1,14}$/, "the number must be E.164, e.g. +19195550123");
