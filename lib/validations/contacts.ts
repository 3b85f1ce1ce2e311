import { z } from "zod";
import { e164 } from "./common";

/** PUT /api/contacts/{phoneNumber}: the name agents see for a number ("" removes it). */
export const contactLabelSchema = z.object({ name: z.string().max(80, "name: at most 80 characters") }).strict();

export const phoneNumberParam = e164("the number must be E.164, e.g. +19195550123");
