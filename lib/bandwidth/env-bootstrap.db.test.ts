import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { matchesRandomSecret } from "@/lib/crypto/secret-hash";
import { testDb, unique } from "@/lib/testing/test-database";
import { applyBandwidthEnvironment } from "./env-bootstrap";

const ENCRYPTION_KEY = randomBytes(32).toString("base64");

function environment(overrides: Record<string, string | undefined> = {}): Parameters<
  typeof applyBandwidthEnvironment
>[1] & {
  BANDWIDTH_ACCOUNT_ID: string;
  BANDWIDTH_APPLICATION_ID: string;
  BANDWIDTH_CALLBACK_PASSWORD: string;
} {
  return {
    BANDWIDTH_ACCOUNT_ID: String(Math.floor(Math.random() * 1e7)),
    BANDWIDTH_CLIENT_ID: "client-id",
    BANDWIDTH_CLIENT_SECRET: "client-secret-value",
    BANDWIDTH_OAUTH_TOKEN_URL: "http://127.0.0.1:3010/api/v1/oauth2/token",
    BANDWIDTH_MESSAGING_BASE_URL: "http://127.0.0.1:3010/api/v2",
    BANDWIDTH_APPLICATION_ID: unique("app-"),
    BANDWIDTH_APPLICATION_NAME: "Support",
    BANDWIDTH_CALLBACK_USERNAME: "callbacks",
    BANDWIDTH_CALLBACK_PASSWORD: "a-very-long-random-callback-password",
    BANDWIDTH_NUMBERS: `+1919${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}, +1888${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
    ENCRYPTION_KEY,
    ...overrides,
  } as ReturnType<typeof environment>;
}

describe("Bandwidth configuration from the environment", () => {
  afterAll(() => testDb().$disconnect());

  it("creates the account, application, callback credentials and numbers, marked as from the environment", async () => {
    const env = environment();
    const result = await applyBandwidthEnvironment(testDb(), env);
    expect(result).toMatchObject({ applied: true, warnings: [] });
    const account = await testDb().bandwidthAccount.findUniqueOrThrow({
      where: { accountId: env.BANDWIDTH_ACCOUNT_ID },
      include: { applications: { include: { callbackCredentials: true, phoneNumbers: true } } },
    });
    expect(account).toMatchObject({
      source: "ENVIRONMENT",
      credentialKind: "OAUTH",
      credentialId: "client-id",
      tokenUrl: env.BANDWIDTH_OAUTH_TOKEN_URL,
      messagingBaseUrl: env.BANDWIDTH_MESSAGING_BASE_URL,
    });
    expect(account.credentialSecretEncrypted).not.toContain("client-secret-value");
    expect(decryptSecret(account.credentialSecretEncrypted, ENCRYPTION_KEY)).toBe("client-secret-value");
    const [application] = account.applications;
    expect(application?.callbackCredentials).toHaveLength(1);
    expect(
      matchesRandomSecret(env.BANDWIDTH_CALLBACK_PASSWORD, application?.callbackCredentials[0]?.passwordHash ?? ""),
    ).toBe(true);
    expect(application?.phoneNumbers.map((n) => n.tollFree).sort()).toEqual([false, true]);
  });

  it("is idempotent and lets the environment win on the next start", async () => {
    const env = environment();
    await applyBandwidthEnvironment(testDb(), env);
    await applyBandwidthEnvironment(testDb(), {
      ...env,
      BANDWIDTH_CALLBACK_PASSWORD: "another-long-random-callback-password",
      BANDWIDTH_CLIENT_ID: "rotated-client",
    });
    const application = await testDb().bandwidthApplication.findUniqueOrThrow({
      where: { applicationId: env.BANDWIDTH_APPLICATION_ID },
      include: { callbackCredentials: true, account: true },
    });
    expect(application.callbackCredentials).toHaveLength(1);
    expect(
      matchesRandomSecret(
        "another-long-random-callback-password",
        application.callbackCredentials[0]?.passwordHash ?? "",
      ),
    ).toBe(true);
    expect(application.account.credentialId).toBe("rotated-client");
  });

  it("does nothing without BANDWIDTH_* and explains an incomplete set", async () => {
    expect(
      await applyBandwidthEnvironment(testDb(), {
        BANDWIDTH_MESSAGING_BASE_URL: "https://messaging.bandwidth.com/api/v2",
        ENCRYPTION_KEY,
      }),
    ).toEqual({ applied: false });
    await expect(
      applyBandwidthEnvironment(
        testDb(),
        environment({ BANDWIDTH_CLIENT_SECRET: undefined, BANDWIDTH_CALLBACK_USERNAME: undefined }),
      ),
    ).rejects.toThrow(/BANDWIDTH_CLIENT_ID and BANDWIDTH_CLIENT_SECRET are required[\s\S]*go together/);
    await expect(
      applyBandwidthEnvironment(
        testDb(),
        environment({ BANDWIDTH_API_USERNAME: "legacy", BANDWIDTH_API_PASSWORD: "pw" }),
      ),
    ).rejects.toThrow(
      /BANDWIDTH_CLIENT_ID\/BANDWIDTH_CLIENT_SECRET .*BANDWIDTH_API_USERNAME\/BANDWIDTH_API_PASSWORD.*not both/,
    );
    await expect(applyBandwidthEnvironment(testDb(), environment({ BANDWIDTH_NUMBERS: "+1919555" }))).rejects.toThrow(
      /not an E.164 number/,
    );
  });

  it("keeps a legacy API user working, with a warning that Bandwidth stops accepting it on 2 December 2026", async () => {
    const env = environment({
      BANDWIDTH_CLIENT_ID: undefined,
      BANDWIDTH_CLIENT_SECRET: undefined,
      BANDWIDTH_API_USERNAME: "api-user",
      BANDWIDTH_API_PASSWORD: "api-password-secret",
    });
    const result = await applyBandwidthEnvironment(testDb(), env);
    expect(result).toMatchObject({
      applied: true,
      warnings: [expect.stringMatching(/2 December 2026.*BANDWIDTH_CLIENT_ID/)],
    });
    const account = await testDb().bandwidthAccount.findUniqueOrThrow({
      where: { accountId: env.BANDWIDTH_ACCOUNT_ID },
    });
    expect(account).toMatchObject({ credentialKind: "LEGACY", credentialId: "api-user" });
    expect(decryptSecret(account.credentialSecretEncrypted, ENCRYPTION_KEY)).toBe("api-password-secret");
  });
});
