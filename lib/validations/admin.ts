import { z } from "zod";
import { BANDWIDTH_MESSAGING_URL, BANDWIDTH_TOKEN_URL } from "@/lib/bandwidth/endpoints";
import { AUDIT_TARGET_TYPES, e164, singleLine, uuid } from "./common";

/** The admin console's contracts: one schema each, shared by the routes, the forms and the tests. */

const name = (field: string) => singleLine(field, 200).pipe(z.string().min(1, `${field}: required`));

const httpUrl = (field: string, example: string) =>
  z
    .url(`${field}: must be a URL, e.g. ${example}`)
    .refine((value) => /^https?:\/\//i.test(value), `${field}: must be an http(s) URL`)
    .transform((value) => value.replace(/\/+$/, ""));

/** "OAUTH": API credentials (client id + secret, OAuth 2.0). "LEGACY": an API user, retired by Bandwidth on 2 December 2026. */
export const credentialKindSchema = z.enum(["OAUTH", "LEGACY"]);

export const accountCreateSchema = z
  .object({
    accountId: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, "accountId: Bandwidth's account id is digits only, e.g. 9900001"),
    name: name("name"),
    credentialKind: credentialKindSchema.default("OAUTH"),
    /** The OAuth client id, or the legacy API user's name. */
    credentialId: z.string().trim().min(1, "credentialId: required").max(200),
    /** The client secret, or the legacy password. Stored encrypted; never returned. */
    credentialSecret: z.string().min(1, "credentialSecret: required").max(500),
    messagingBaseUrl: httpUrl("messagingBaseUrl", BANDWIDTH_MESSAGING_URL).optional(),
    tokenUrl: httpUrl("tokenUrl", BANDWIDTH_TOKEN_URL).optional(),
  })
  .strict();

/**
 * Anything left out stays as it is; `credentialSecret` replaces the stored secret. Switching the
 * kind needs the new id and secret; changing where requests go (messagingBaseUrl, tokenUrl) needs
 * the secret again (checked against the stored values: 422).
 */
export const accountUpdateSchema = accountCreateSchema
  .omit({ accountId: true, credentialKind: true })
  .extend({ credentialKind: credentialKindSchema.optional() })
  .partial()
  .strict()
  .refine((value) => !value.credentialKind || (value.credentialId && value.credentialSecret), {
    message: "credentialKind: switching the kind of credentials needs the new credentialId and credentialSecret",
    path: ["credentialKind"],
  });

export const applicationCreateSchema = z
  .object({
    applicationId: z
      .string()
      .trim()
      .pipe(uuid("applicationId: Bandwidth's application id is a UUID, e.g. 93de2206-9669-4e07-948d-329f4b722ee2"))
      .transform((value) => value.toLowerCase()),
    name: name("name"),
    accountId: uuid("accountId: choose one of the Bandwidth accounts"),
  })
  .strict();

export const applicationUpdateSchema = applicationCreateSchema.omit({ applicationId: true }).partial().strict();

export const rotateCredentialsSchema = z
  .object({
    /** How long the old pair keeps working, so Bandwidth's dashboard can be updated meanwhile. */
    graceHours: z
      .number()
      .int()
      .min(0, "graceHours: 0 to 168")
      .max(168, "graceHours: at most a week (168)")
      .default(24),
  })
  .strict();

export const numberCreateSchema = z
  .object({
    e164: z.string().trim().pipe(e164("e164: write the phone number in international (E.164) form, e.g. +19195550100")),
    applicationId: uuid("applicationId: choose the application every send from this number uses"),
    label: singleLine("label", 100).optional(),
    /** false: only `agentIds` (and admins) may send from it. */
    allowAllAgents: z.boolean().default(true),
    agentIds: z.array(uuid("agentIds: each must be a user's id")).max(1000).default([]),
  })
  .strict();

export const numberUpdateSchema = numberCreateSchema.omit({ e164: true }).partial().strict();

export const roleSchema = z.enum(["ADMIN", "AGENT"]);

export const userCreateSchema = z
  .object({
    email: z.email("email: a valid email address").transform((value) => value.trim().toLowerCase()),
    name: name("name"),
    role: roleSchema.default("AGENT"),
    /** "password": a one-time password shown once; "invite": a link where they choose their own. */
    access: z.enum(["password", "invite"]).default("invite"),
  })
  .strict();

export const userUpdateSchema = z
  .object({ name: name("name").optional(), role: roleSchema.optional(), active: z.boolean().optional() })
  .strict()
  .refine((value) => Object.keys(value).length > 0, "nothing to change: give name, role or active");

export const auditQuerySchema = z.object({
  action: singleLine("action", 100).optional(),
  targetType: z.enum(AUDIT_TARGET_TYPES).optional(),
  actorId: uuid("actorId: must be a user's id").optional(),
  /** Entries older than this id (the next page). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type AccountCreate = z.infer<typeof accountCreateSchema>;
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;
export type ApplicationCreate = z.infer<typeof applicationCreateSchema>;
export type ApplicationUpdate = z.infer<typeof applicationUpdateSchema>;
export type NumberCreate = z.infer<typeof numberCreateSchema>;
export type NumberUpdate = z.infer<typeof numberUpdateSchema>;
export type UserCreate = z.infer<typeof userCreateSchema>;
export type UserUpdate = z.infer<typeof userUpdateSchema>;
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** GET /api/admin/catch-up: the latest catch-up runs (`?limit=`). */
export const catchUpRunsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type CatchUpRunsQuery = z.infer<typeof catchUpRunsQuerySchema>;
