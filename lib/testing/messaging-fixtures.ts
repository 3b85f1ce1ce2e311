// For database tests of sending: a sandbox on a free port and a Bandwidth account, application
// and numbers in the test database pointing at it, plus an agent to send as.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeEach } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { applyBandwidthEnvironment } from "@/lib/bandwidth/env-bootstrap";
import { loadSandboxConfig, type SandboxConfig } from "@/sandbox/config";
import { createSandbox } from "@/sandbox/server";
import { stopJobQueue } from "@/lib/jobs/queue";
import type { SendSettings } from "@/lib/messaging/send/send-deps";
import { closeTestPool, testDb, unique } from "./test-database";

/** The worker's settings in tests: fast timeouts, no pacing to speak of, few retries. */
export const TEST_SEND_SETTINGS: SendSettings = {
  encryptionKey: process.env.ENCRYPTION_KEY ?? "",
  requestTimeoutMs: 2_000,
  segmentsPerMinute: 6_000,
  confirmationWindowMs: 600_000,
  maxRetries: 3,
  rateLimitedGiveUpMs: 3_600_000,
};

export const SENDER_NUMBER = "+19195550100";
export const TOLL_FREE_NUMBER = "+18885550100";

/**
 * A sandbox (refusing legacy Basic, as Bandwidth does from 2 December 2026) and the account set up
 * from the environment with its API credentials; `legacy: true` sets it up with a legacy API user
 * instead and has the sandbox accept Basic.
 */
export async function messagingFixture(
  options: { callbackUrl?: string; legacy?: boolean; sandbox?: Partial<SandboxConfig> } = {},
) {
  const accountId = String(1_000_000 + Math.floor(Math.random() * 8_000_000));
  const applicationId = `app-${randomBytes(6).toString("hex")}`;
  const credentials = { username: "api-user", password: "api-password-for-tests" };
  const client = { clientId: `client-${accountId}`, clientSecret: `secret-${randomBytes(12).toString("hex")}` };
  const sandbox = createSandbox(
    loadSandboxConfig(
      {},
      {
        port: 0,
        accountId,
        apiUsername: credentials.username,
        apiPassword: credentials.password,
        ...client,
        legacyBasicAuth: options.legacy ? "accepted" : "refused",
        applicationId,
        numbers: [SENDER_NUMBER, TOLL_FREE_NUMBER],
        statusCallbackUrl: options.callbackUrl,
        inboundCallbackUrl: options.callbackUrl,
        ...options.sandbox,
      },
    ),
  );
  const url = await sandbox.listen();
  await applyBandwidthEnvironment(testDb(), {
    BANDWIDTH_ACCOUNT_ID: accountId,
    ...(options.legacy
      ? { BANDWIDTH_API_USERNAME: credentials.username, BANDWIDTH_API_PASSWORD: credentials.password }
      : { BANDWIDTH_CLIENT_ID: client.clientId, BANDWIDTH_CLIENT_SECRET: client.clientSecret }),
    BANDWIDTH_MESSAGING_BASE_URL: `${url}/api/v2`,
    BANDWIDTH_OAUTH_TOKEN_URL: `${url}/api/v1/oauth2/token`,
    BANDWIDTH_APPLICATION_ID: applicationId,
    BANDWIDTH_APPLICATION_NAME: "Test application",
    BANDWIDTH_CALLBACK_USERNAME: "callbacks",
    BANDWIDTH_CALLBACK_PASSWORD: "callback-password-long-enough-1234",
    BANDWIDTH_NUMBERS: `${SENDER_NUMBER},${TOLL_FREE_NUMBER}`,
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? "",
  });
  const user = await testDb().user.create({
    data: { email: `${unique("sender")}@example.com`, name: "Sender", passwordHash: "x", role: "AGENT" },
  });
  const agent: CurrentUser = { id: user.id, email: user.email, name: user.name, role: "AGENT", active: true };
  return { sandbox, url, accountId, applicationId, client, agent, close: () => sandbox.close() };
}

export type MessagingFixture = Awaited<ReturnType<typeof messagingFixture>>;

/**
 * Registers the hooks every sending test file needs: a fresh sandbox and Bandwidth configuration
 * per test, and the queue and connections closed at the end. Returns the current fixture.
 */
export function setUpMessagingFixture(options: { legacy?: boolean } = {}): () => MessagingFixture {
  let current: MessagingFixture | undefined;
  beforeEach(async () => {
    current = await messagingFixture(options);
  });
  afterEach(() => current?.close());
  afterAll(async () => {
    await stopJobQueue();
    await testDb().$disconnect();
    await closeTestPool();
  });
  return () => {
    if (!current) throw new Error("the messaging fixture is only there inside a test");
    return current;
  };
}
