import { z } from "zod";
import { E164 } from "@/lib/bandwidth/number-rules";

// The building blocks every contract shares, so an id or a number means the same everywhere.

/** An id: 8-4-4-4-12 hex digits (ours, and Bandwidth's application ids). */
export const uuid = (message = "must be a UUID") => z.guid(message);

/** A phone number in E.164 form, as Bandwidth checks it: `+`, then up to 15 digits. */
export const e164 = (message = "must be E.164, e.g. +19195550100") => z.string().regex(E164, message);

/** What an audit entry can be about. */
export const AUDIT_TARGET_TYPES = ["account", "application", "number", "user"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
