import "server-only";
import { noteLegacy } from "@/lib/admin/accounts";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { hashRandomSecret, matchesRandomSecret } from "@/lib/crypto/secret-hash";
import type { Db } from "@/lib/db";
import type { Env } from "@/lib/env";
import { normalisePhoneNumber } from "./phone-number";
import { isTollFreeNumber } from "./number-rules";

type BandwidthEnv = Partial<
  Pick<
    Env,
    | "BANDWIDTH_ACCOUNT_ID"
    | "BANDWIDTH_CLIENT_ID"
    | "BANDWIDTH_CLIENT_SECRET"
    | "BANDWIDTH_OAUTH_TOKEN_URL"
    | "BANDWIDTH_API_USERNAME"
    | "BANDWIDTH_API_PASSWORD"
    | "BANDWIDTH_APPLICATION_ID"
    | "BANDWIDTH_APPLICATION_NAME"
    | "BANDWIDTH_CALLBACK_USERNAME"
    | "BANDWIDTH_CALLBACK_PASSWORD"
    | "BANDWIDTH_NUMBERS"
  >
> &
  Pick<Env, "BANDWIDTH_MESSAGING_BASE_URL" | "ENCRYPTION_KEY">;

export type BootstrapResult =
  | { applied: false }
  | { applied: true; accountId: string; applicationId: string | null; numbers: string[]; warnings: string[] };

/**
 * Applies the BANDWIDTH_* variables: one account, optionally its application (with callback
 * credentials) and our numbers, all marked as set by the environment. Runs on every start; the
 * environment wins over edits made since. Throws with every problem when the set is incomplete.
 */
export async function applyBandwidthEnvironment(database: Db, env: BandwidthEnv): Promise<BootstrapResult> {
  if (!env.BANDWIDTH_ACCOUNT_ID && !env.BANDWIDTH_APPLICATION_ID && !env.BANDWIDTH_NUMBERS) return { applied: false };
  const problems = incomplete(env);
  if (problems.length)
    throw new Error(`Incomplete Bandwidth configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  const numbers = (env.BANDWIDTH_NUMBERS ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const normalised = normalisePhoneNumber(entry);
      if (!normalised) throw new Error(`BANDWIDTH_NUMBERS: ${entry} is not an E.164 number`);
      return normalised.e164;
    });

  const legacy = Boolean(env.BANDWIDTH_API_USERNAME);
  const fields = {
    messagingBaseUrl: env.BANDWIDTH_MESSAGING_BASE_URL,
    credentialKind: legacy ? ("LEGACY" as const) : ("OAUTH" as const),
    credentialId: (legacy ? env.BANDWIDTH_API_USERNAME : env.BANDWIDTH_CLIENT_ID) ?? "",
    credentialSecretEncrypted: encryptSecret(
      (legacy ? env.BANDWIDTH_API_PASSWORD : env.BANDWIDTH_CLIENT_SECRET) ?? "",
      env.ENCRYPTION_KEY,
    ),
    tokenUrl: env.BANDWIDTH_OAUTH_TOKEN_URL ?? null,
    source: "ENVIRONMENT" as const,
  };
  const accountId = env.BANDWIDTH_ACCOUNT_ID ?? "";
  const account = await database.bandwidthAccount.upsert({
    where: { accountId },
    create: { accountId, name: `Bandwidth account ${accountId}`, ...fields },
    update: fields,
  });
  await noteLegacy(database, account);
  const warnings: string[] = legacy
    ? [
        `Bandwidth account ${accountId} uses a legacy API user (BANDWIDTH_API_USERNAME/PASSWORD), which Bandwidth stops accepting on 2 December 2026: create API credentials (Account > API Credentials) and set BANDWIDTH_CLIENT_ID/BANDWIDTH_CLIENT_SECRET instead.`,
      ]
    : [];
  if (!env.BANDWIDTH_APPLICATION_ID) return { applied: true, accountId, applicationId: null, numbers: [], warnings };

  const applicationId = env.BANDWIDTH_APPLICATION_ID;
  const name = env.BANDWIDTH_APPLICATION_NAME ?? `Application ${applicationId.slice(0, 8)}`;
  const application = await database.bandwidthApplication.upsert({
    where: { applicationId },
    create: { applicationId, name, accountId: account.id, source: "ENVIRONMENT" },
    update: { name, accountId: account.id, source: "ENVIRONMENT" },
  });
  if (env.BANDWIDTH_CALLBACK_USERNAME && env.BANDWIDTH_CALLBACK_PASSWORD) {
    const existing = await database.callbackCredential.findMany({
      where: { applicationId: application.id, username: env.BANDWIDTH_CALLBACK_USERNAME },
    });
    // The environment's pair is valid without end, whatever happened to it in the database.
    if (
      !existing.some(
        (credential) =>
          credential.expiresAt === null &&
          matchesRandomSecret(env.BANDWIDTH_CALLBACK_PASSWORD ?? "", credential.passwordHash),
      )
    ) {
      await database.$transaction([
        database.callbackCredential.deleteMany({
          where: { applicationId: application.id, username: env.BANDWIDTH_CALLBACK_USERNAME },
        }),
        database.callbackCredential.create({
          data: {
            applicationId: application.id,
            username: env.BANDWIDTH_CALLBACK_USERNAME,
            passwordHash: hashRandomSecret(env.BANDWIDTH_CALLBACK_PASSWORD),
          },
        }),
      ]);
    }
  } else {
    warnings.push(
      "BANDWIDTH_CALLBACK_USERNAME/PASSWORD are not set: the webhook refuses Bandwidth's callbacks until credentials exist.",
    );
  }
  for (const e164 of numbers) {
    await database.phoneNumber.upsert({
      where: { e164 },
      create: { e164, applicationId: application.id, tollFree: isTollFreeNumber(e164), source: "ENVIRONMENT" },
      update: { applicationId: application.id, tollFree: isTollFreeNumber(e164), source: "ENVIRONMENT" },
    });
  }
  return { applied: true, accountId, applicationId, numbers, warnings };
}

function incomplete(env: BandwidthEnv): string[] {
  const problems: string[] = [];
  if (!env.BANDWIDTH_ACCOUNT_ID) problems.push("BANDWIDTH_ACCOUNT_ID is required");
  const oauth = Boolean(env.BANDWIDTH_CLIENT_ID || env.BANDWIDTH_CLIENT_SECRET);
  const legacy = Boolean(env.BANDWIDTH_API_USERNAME || env.BANDWIDTH_API_PASSWORD);
  if (oauth && legacy) {
    problems.push(
      "set BANDWIDTH_CLIENT_ID/BANDWIDTH_CLIENT_SECRET (API credentials) or BANDWIDTH_API_USERNAME/BANDWIDTH_API_PASSWORD (legacy API user), not both",
    );
  } else if (legacy) {
    if (!env.BANDWIDTH_API_USERNAME || !env.BANDWIDTH_API_PASSWORD)
      problems.push("BANDWIDTH_API_USERNAME and BANDWIDTH_API_PASSWORD go together");
  } else if (!env.BANDWIDTH_CLIENT_ID || !env.BANDWIDTH_CLIENT_SECRET) {
    problems.push("BANDWIDTH_CLIENT_ID and BANDWIDTH_CLIENT_SECRET are required (Bandwidth's API credentials)");
  }
  if (env.BANDWIDTH_NUMBERS && !env.BANDWIDTH_APPLICATION_ID)
    problems.push("BANDWIDTH_NUMBERS needs BANDWIDTH_APPLICATION_ID (the application every send from them uses)");
  if (Boolean(env.BANDWIDTH_CALLBACK_USERNAME) !== Boolean(env.BANDWIDTH_CALLBACK_PASSWORD)) {
    problems.push("BANDWIDTH_CALLBACK_USERNAME and BANDWIDTH_CALLBACK_PASSWORD go together");
  }
  return problems;
}
