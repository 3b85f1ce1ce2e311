import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { matchesRandomSecret } from "@/lib/crypto/secret-hash";
import { testDb, unique } from "@/lib/testing/test-database";
import { applyBandwidthEnvironment } from "./env-bootstrap";

const ENCRYPTION_KEY = randomBytes(32).toString("base64");

function environment(overrides: Record<string, string | undefined> = {}) {
  return {
    BANDWIDTH_ACCOUNT_ID: String(Math.floor(Math.random() * 1e7)),
    BANDWIDTH_API_USERNAME: "api-user",
    BANDWIDTH_API_PASSWORD: "api-password-secret",
    BANDWIDTH_MESSAGING_BASE_URL: "http://127.0.0.1:3010/api/v2",
    BANDWIDTH_APPLICATION_ID: unique("app-"),
    BANDWIDTH_APPLICATION_NAME: "Support",
    BANDWIDTH_CALLBACK_USERNAME: "callbacks",
    BANDWIDTH_CALLBACK_PASSWORD: "a-very-long-random-callback-password",
    BANDWIDTH_NUMBERS: `+1919${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}, +1888${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`,
    ENCRYPTION_KEY,
    ...overrides,
  };
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
      apiUsername: "api-user",
      messagingBaseUrl: env.BANDWIDTH_MESSAGING_BASE_URL,
    });
    expect(account.apiPasswordEncrypted).not.toContain("api-password-secret");
    expect(decryptSecret(account.apiPasswordEncrypted, ENCRYPTION_KEY)).toBe("api-password-secret");
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
      BANDWIDTH_API_USERNAME: "rotated-user",
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
    expect(application.account.apiUsername).toBe("rotated-user");
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
        environment({ BANDWIDTH_API_PASSWORD: undefined, BANDWIDTH_CALLBACK_USERNAME: undefined }),
      ),
    ).rejects.toThrow(/BANDWIDTH_API_USERNAME and BANDWIDTH_API_PASSWORD[\s\S]*go together/);
    await expect(applyBandwidthEnvironment(testDb(), environment({ BANDWIDTH_NUMBERS: "+1919555" }))).rejects.toThrow(
      /not an E.164 number/,
    );
  });
});
