import { z } from "zod";
import { MEDIA_CONTENT_TYPES } from "@/lib/bandwidth/media-types";

const number = z.coerce.number();
const list = z.string().transform((value) =>
  value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
);
const flag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** The sandbox's settings; each comes from a SANDBOX_* variable (see .env.example). */
export const sandboxConfigSchema = z.object({
  port: number.int().min(0).max(65535).default(3010),
  host: z.string().default("127.0.0.1"),
  /** Base of the URLs the sandbox hands out (inbound media). Default: http://<host>:<port> */
  publicUrl: z.url().optional(),
  /** Durations (queue drain, callback timing and retries, media retention) are divided by this. */
  timeScale: number.positive().default(1),
  /** No scaled response timeout or access-token lifetime goes below this, so loopback round trips are never cut off. */
  minimumTimeoutMs: number.int().positive().default(500),
  rateSegmentsPerMinute: number.positive().default(60),
  queueCapacitySegments: number.int().positive().default(900),
  mediaMaxBytes: number.int().positive().default(3_500_000),
  mediaContentTypes: list.default([...MEDIA_CONTENT_TYPES]),
  mediaRetentionHours: number.positive().default(48),
  mediaListPageSize: number.int().positive().default(100),
  /** List Messages requests allowed per caller address per 5 minutes (scaled), as Bandwidth's 3,500. */
  listRateLimit: number.int().positive().default(3500),
  /** One account and application configured at start (more through /sandbox/applications). */
  accountId: z.string().regex(/^\d+$/).default("9900001"),
  /** The account's OAuth 2.0 API credentials, Bandwidth's only way in from 2 December 2026. */
  clientId: z.string().min(1).default("sandbox-client-id"),
  clientSecret: z.string().min(1).default("sandbox-client-secret"),
  /** The account's legacy API user (HTTP Basic), only honoured while legacy Basic is accepted. */
  apiUsername: z.string().min(1).default("sandbox-api-user"),
  apiPassword: z.string().min(1).default("sandbox-api-password"),
  /** Bandwidth decommissions legacy API users on 2 December 2026; `accepted` plays the time before. */
  legacyBasicAuth: z.enum(["accepted", "refused"]).default("refused"),
  applicationId: z.string().min(1).default("d6e5b1a2-5c1e-4b8e-9a57-3c0f3a9e7b10"),
  applicationName: z.string().default("Sandbox application"),
  inboundCallbackUrl: z.url().optional(),
  statusCallbackUrl: z.url().optional(),
  callbackUsername: z.string().optional(),
  callbackPassword: z.string().optional(),
  numbers: list.default(["+19195550100", "+19195550101", "+18885550100"]),
  // Fault injection (also settable per run through PUT /sandbox/faults).
  faultDuplicates: number.int().min(0).max(20).default(0),
  faultShuffle: flag.default(false),
  faultDelayMs: number.int().min(0).default(0),
  faultCallbackFailureRate: number.min(0).max(1).default(0),
  faultSend429Rate: number.min(0).max(1).default(0),
  faultSend5xxRate: number.min(0).max(1).default(0),
  faultSendResponseDelayMs: number.int().min(0).default(0),
});

export type SandboxConfig = z.infer<typeof sandboxConfigSchema>;

export const SANDBOX_ENV_NAMES: Record<keyof SandboxConfig, string> = {
  port: "SANDBOX_PORT",
  host: "SANDBOX_HOST",
  publicUrl: "SANDBOX_PUBLIC_URL",
  timeScale: "SANDBOX_TIME_SCALE",
  minimumTimeoutMs: "SANDBOX_MINIMUM_TIMEOUT_MS",
  rateSegmentsPerMinute: "SANDBOX_RATE_SEGMENTS_PER_MINUTE",
  queueCapacitySegments: "SANDBOX_QUEUE_CAPACITY_SEGMENTS",
  mediaMaxBytes: "SANDBOX_MEDIA_MAX_BYTES",
  mediaContentTypes: "SANDBOX_MEDIA_CONTENT_TYPES",
  mediaRetentionHours: "SANDBOX_MEDIA_RETENTION_HOURS",
  mediaListPageSize: "SANDBOX_MEDIA_LIST_PAGE_SIZE",
  listRateLimit: "SANDBOX_LIST_RATE_LIMIT",
  accountId: "SANDBOX_ACCOUNT_ID",
  clientId: "SANDBOX_CLIENT_ID",
  clientSecret: "SANDBOX_CLIENT_SECRET",
  apiUsername: "SANDBOX_API_USERNAME",
  apiPassword: "SANDBOX_API_PASSWORD",
  legacyBasicAuth: "SANDBOX_LEGACY_BASIC_AUTH",
  applicationId: "SANDBOX_APPLICATION_ID",
  applicationName: "SANDBOX_APPLICATION_NAME",
  inboundCallbackUrl: "SANDBOX_INBOUND_CALLBACK_URL",
  statusCallbackUrl: "SANDBOX_STATUS_CALLBACK_URL",
  callbackUsername: "SANDBOX_CALLBACK_USERNAME",
  callbackPassword: "SANDBOX_CALLBACK_PASSWORD",
  numbers: "SANDBOX_NUMBERS",
  faultDuplicates: "SANDBOX_FAULT_DUPLICATES",
  faultShuffle: "SANDBOX_FAULT_SHUFFLE",
  faultDelayMs: "SANDBOX_FAULT_DELAY_MS",
  faultCallbackFailureRate: "SANDBOX_FAULT_CALLBACK_FAILURE_RATE",
  faultSend429Rate: "SANDBOX_FAULT_SEND_429_RATE",
  faultSend5xxRate: "SANDBOX_FAULT_SEND_5XX_RATE",
  faultSendResponseDelayMs: "SANDBOX_FAULT_SEND_RESPONSE_DELAY_MS",
};

/** Reads the SANDBOX_* variables; `overrides` (already typed) win over the environment. */
export function loadSandboxConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<SandboxConfig> = {},
): SandboxConfig {
  const raw = Object.fromEntries(
    Object.entries(SANDBOX_ENV_NAMES).flatMap(([key, name]) => (env[name] ? [[key, env[name]]] : [])),
  );
  const parsed = sandboxConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) =>
        `  - ${SANDBOX_ENV_NAMES[issue.path[0] as keyof SandboxConfig] ?? issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid sandbox settings:\n${problems.join("\n")}`);
  }
  return { ...parsed.data, ...overrides };
}
