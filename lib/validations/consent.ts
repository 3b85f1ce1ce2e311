import { z } from "zod";
import { e164, freeText, singleLine, uuid } from "./common";

// Consent (issue 15): the one contract for opt-out and opt-in, shared by routes, forms and tests.

/** How a consent change came about. */
export const CONSENT_SOURCES = ["keyword", "carrier", "agent", "import"] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/** Whether a change covers every number of the Bandwidth account, or one of our numbers. */
export const CONSENT_SCOPES = ["account", "number"] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_ACTIONS = ["opt_out", "opt_in"] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/** One opted-out customer number, as the inbox, the send refusal and the admin list show it. */
export type OptOutView = {
  phoneNumber: string;
  /** When they opted out (ISO 8601). */
  at: string;
  source: ConsentSource;
  scope: ConsentScope;
  /** For scope "number": our number it covers. */
  ourNumber: string | null;
  /** The agent's or admin's reason, for source agent or import. */
  reason: string | null;
  /** Who recorded it (agent or admin), null for a keyword or the carrier. */
  byName: string | null;
  /** The message that did it (a keyword message or the failed delivery), when there is one. */
  messageId: string | null;
};

/** One entry of a number's consent history (never overwritten). */
export type ConsentHistoryEntry = OptOutView & { action: ConsentAction; id: string };

/** POST /api/consent: an agent or admin records an opt-out or an opt-in by hand. */
export const recordConsentBody = z
  .strictObject({
    /** The customer's number. */
    phoneNumber: e164("phoneNumber must be E.164, e.g. +19195550123"),
    /** Our number the conversation is on: decides the Bandwidth account (and the number, for per-number consent). */
    ourNumber: e164("ourNumber must be E.164, e.g. +19195550100"),
    action: z.enum(CONSENT_ACTIONS, { message: "action: opt_out or opt_in" }),
    reason: singleLine("reason", 500).min(1, "reason: say why"),
    /** Required (true) for opt_in: the agent confirms the customer consented. */
    customerConsented: z.boolean().optional(),
    /** The message that prompted it (e.g. a "please stop texting me"), when there is one. */
    messageId: uuid("messageId must be a UUID").optional(),
  })
  .refine((body) => body.action !== "opt_in" || body.customerConsented === true, {
    message: "customerConsented: confirm the customer asked to receive messages again",
    path: ["customerConsented"],
  });
export type RecordConsentBody = z.infer<typeof recordConsentBody>;

/** GET /api/consent?phoneNumber=&ourNumber= : the number's current state and history. */
export const consentQuery = z.object({
  phoneNumber: e164("phoneNumber must be E.164, e.g. +19195550123"),
  ourNumber: e164("ourNumber must be E.164, e.g. +19195550100"),
});

/** GET /api/admin/opt-outs */
export const listOptOutsQuery = z.object({
  q: singleLine("q", 100).optional(),
  accountId: uuid("accountId must be a UUID").optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** GET /api/admin/opt-outs/export and POST /api/admin/opt-outs/import: which account (optional with one). */
export const optOutsAccountQuery = z.object({
  accountId: uuid("accountId must be a UUID").optional(),
});

/** PATCH /api/admin/accounts/{id}/consent: per-account consent settings. */
export const accountConsentSettingsBody = z
  .strictObject({
    scope: z.enum(CONSENT_SCOPES, { message: "scope: account or number" }).optional(),
    optOutReply: freeText("optOutReply", 320).trim().min(1, "optOutReply: cannot be empty").optional(),
    optInReply: freeText("optInReply", 320).trim().min(1, "optInReply: cannot be empty").optional(),
    helpReply: freeText("helpReply", 320).trim().min(1, "helpReply: cannot be empty").optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "body: give at least one setting");
export type AccountConsentSettings = {
  scope: ConsentScope;
  optOutReply: string;
  optInReply: string;
  helpReply: string;
};

/** The 422 a send to an opted-out number gets (error "opted_out"). */
export type OptedOutError = {
  error: "opted_out";
  message: string;
  optedOut: OptOutView[];
};

/** GET /api/consent: the customer's consent for one of our numbers. */
export type ConsentStateView = {
  phoneNumber: string;
  ourNumber: string;
  /** How the account of `ourNumber` scopes consent now. */
  scope: ConsentScope;
  /** The opt-out that blocks sending from `ourNumber` to them, or null. */
  optedOut: OptOutView | null;
  /** Changes that concern `ourNumber` (its account's and its own), newest first (at most 200). */
  history: ConsentHistoryEntry[];
};

/** A row of GET /api/admin/opt-outs. */
export type AdminOptOutView = OptOutView & { accountId: string; accountName: string };

/** GET /api/admin/opt-outs */
export type OptOutPage = { items: AdminOptOutView[]; nextCursor: string | null };

/** POST /api/admin/opt-outs/import */
export type OptOutImportResult = {
  imported: number;
  skipped: number;
  problems: Array<{ line: number; problem: string }>;
};
