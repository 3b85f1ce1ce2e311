import { z } from "zod";
import { BANDWIDTH_MESSAGING_URL, BANDWIDTH_TOKEN_URL } from "@/lib/bandwidth/endpoints";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const positiveInt = z.coerce.number().int().positive();

/**
 * Every variable the app reads, validated once. `.env.example` documents each one.
 * The start script (lib/runtime/start.ts) fills DATABASE_URL and the secrets on the embedded
 * default before this runs, so a server never starts with a half-valid environment.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is required (npm start sets it on the embedded default)" })
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z
      .string({ error: "NEXTAUTH_SECRET is required: a random string of 32+ characters" })
      .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
    NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the app's public URL, e.g. https://inbox.example.com").optional(),
    ENCRYPTION_KEY: z
      .string({ error: "ENCRYPTION_KEY is required: 32 random bytes, base64 (openssl rand -base64 32)" })
      .refine((value) => Buffer.from(value, "base64").length === 32, "ENCRYPTION_KEY must be 32 bytes, base64-encoded"),
    ADMIN_EMAIL: z.email("ADMIN_EMAIL must be an email address").optional(),
    ADMIN_PASSWORD: z.string().min(12, "ADMIN_PASSWORD must be at least 12 characters").optional(),
    SEED_DEMO: flag.optional(),
    SANDBOX_ENABLED: flag.default(false),
    TRUST_PROXY: flag.default(false),
    SIGN_IN_MAX_FAILURES_PER_ACCOUNT: positiveInt.default(5),
    SIGN_IN_MAX_FAILURES_PER_ADDRESS: positiveInt.default(20),
    SIGN_IN_FAILURE_WINDOW_MINUTES: positiveInt.default(15),
    // Bandwidth configuration bootstrapped from the environment (see lib/bandwidth/env-bootstrap.ts).
    BANDWIDTH_ACCOUNT_ID: z
      .string()
      .regex(/^\d+$/, "BANDWIDTH_ACCOUNT_ID is Bandwidth's numeric account id")
      .optional(),
    // API credentials: OAuth 2.0 client id + secret (legacy API users stop working on 2 December 2026).
    BANDWIDTH_CLIENT_ID: z.string().min(1).optional(),
    BANDWIDTH_CLIENT_SECRET: z.string().min(1).optional(),
    BANDWIDTH_OAUTH_TOKEN_URL: z.url("BANDWIDTH_OAUTH_TOKEN_URL must be a URL").default(BANDWIDTH_TOKEN_URL),
    BANDWIDTH_API_USERNAME: z.string().min(1).optional(),
    BANDWIDTH_API_PASSWORD: z.string().min(1).optional(),
    BANDWIDTH_MESSAGING_BASE_URL: z.url("BANDWIDTH_MESSAGING_BASE_URL must be a URL").default(BANDWIDTH_MESSAGING_URL),
    BANDWIDTH_APPLICATION_ID: z.string().min(1).max(100).optional(),
    BANDWIDTH_APPLICATION_NAME: z.string().min(1).max(200).optional(),
    BANDWIDTH_CALLBACK_USERNAME: z.string().min(1).max(200).optional(),
    BANDWIDTH_CALLBACK_PASSWORD: z
      .string()
      .min(24, "BANDWIDTH_CALLBACK_PASSWORD must be at least 24 random characters")
      .optional(),
    BANDWIDTH_NUMBERS: z.string().optional(),
    // Sending.
    BANDWIDTH_REQUEST_TIMEOUT_MS: positiveInt.default(15_000),
    BANDWIDTH_SEND_RATE_SEGMENTS_PER_MINUTE: positiveInt.default(60),
    SEND_CONFIRMATION_WINDOW_SECONDS: positiveInt.default(600),
    /** The shortest snooze an agent may choose (tests make it seconds). */
    SNOOZE_MINIMUM_SECONDS: positiveInt.default(60),
    SEND_MAX_RETRIES: positiveInt.default(5),
    SEND_RATE_LIMITED_GIVE_UP_HOURS: positiveInt.default(24),
    // Media (lib/media): limits on what agents attach, and where files are kept.
    MEDIA_MAX_FILE_BYTES: positiveInt.default(3_500_000),
    MEDIA_MAX_FILES: positiveInt.max(10, "Bandwidth takes at most 10 files per message").default(10),
    MEDIA_WARN_TOTAL_BYTES: positiveInt.default(500_000),
    MEDIA_TOLL_FREE_MAX_TOTAL_BYTES: positiveInt.default(525_000),
    MEDIA_MAX_DOWNLOAD_BYTES: positiveInt.default(25_000_000),
    MEDIA_STORAGE: z.enum(["postgres", "s3"]).default("postgres"),
    MEDIA_S3_ENDPOINT: z.url("MEDIA_S3_ENDPOINT must be a URL, e.g. https://s3.us-east-1.amazonaws.com").optional(),
    MEDIA_S3_BUCKET: z.string().min(1).optional(),
    MEDIA_S3_REGION: z.string().min(1).default("us-east-1"),
    MEDIA_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    MEDIA_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    MEDIA_S3_PREFIX: z.string().default("media/"),
    JOB_WORKERS: flag.default(true),
    // Catching up on callbacks Bandwidth gave up on (lib/messaging/catch-up), from List Messages.
    CATCH_UP_ENABLED: flag.default(true),
    /** pg-boss cron (UTC) of the catch-up job. */
    CATCH_UP_CRON: z
      .string()
      .regex(/^\S+( \S+){4}$/, "CATCH_UP_CRON is a 5-field cron expression, e.g. */15 * * * *")
      .default("*/15 * * * *"),
    /** A recipient without a final status this long after its send is looked up (6 h). */
    CATCH_UP_OUTBOUND_AFTER_SECONDS: positiveInt.default(21_600),
    /** Inbound messages are compared once Bandwidth has stopped retrying their callbacks: 24 h, plus 1 h. */
    CATCH_UP_INBOUND_AFTER_SECONDS: positiveInt.default(90_000),
    /** How far back both sides look (3 days; List Messages searches at most 14). */
    CATCH_UP_LOOKBACK_SECONDS: positiveInt.default(259_200),
    BENCH_NOOP_ROUTE: flag.default(false),
  })
  .refine(
    (env) =>
      env.MEDIA_STORAGE !== "s3" ||
      Boolean(
        env.MEDIA_S3_ENDPOINT && env.MEDIA_S3_BUCKET && env.MEDIA_S3_ACCESS_KEY_ID && env.MEDIA_S3_SECRET_ACCESS_KEY,
      ),
    {
      message:
        "MEDIA_STORAGE=s3 needs MEDIA_S3_ENDPOINT, MEDIA_S3_BUCKET, MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY",
      path: ["MEDIA_STORAGE"],
    },
  )
  .refine(
    (env) =>
      !(
        (env.BANDWIDTH_CLIENT_ID || env.BANDWIDTH_CLIENT_SECRET) &&
        (env.BANDWIDTH_API_USERNAME || env.BANDWIDTH_API_PASSWORD)
      ),
    {
      message:
        "Set one kind of Bandwidth credentials: BANDWIDTH_CLIENT_ID/BANDWIDTH_CLIENT_SECRET (API credentials, OAuth 2.0) or BANDWIDTH_API_USERNAME/BANDWIDTH_API_PASSWORD (legacy API user), not both",
      path: ["BANDWIDTH_CLIENT_ID"],
    },
  )
  .refine((env) => Boolean(env.ADMIN_EMAIL) === Boolean(env.ADMIN_PASSWORD), {
    message: "ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither",
    path: ["ADMIN_PASSWORD"],
  });

export type Env = z.infer<typeof envSchema>;

/** Parses an environment; throws one error listing every problem, so start-up fails clearly. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(blanksRemoved);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
