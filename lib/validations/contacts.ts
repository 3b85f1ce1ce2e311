import { z } from "zod";
import { e164, singleLine } from "./common";

/** PUT /api/contacts/{phoneNumber}: the name agents see for a number ("" removes it). */
export const contactLabelSchema = z.object({ name: singleLine("name", 80) }).strict();

export const phoneNumberParam = e164("the number must be E.164, e.g. +19195550123");
