import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { postgresStore } from "@/lib/media/storage";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import {
  messagingFixture,
  SENDER_NUMBER,
  TEST_SEND_SETTINGS,
  type MessagingFixture,
} from "@/lib/testing/messaging-fixtures";
import { stopJobQueue } from "@/lib/jobs/queue";
import type { SendDeps } from "./send-deps";
import { processSendJob } from "./send-job";
import { sendMessage } from "./send-message";

// Sending on Bandwidth's API credentials (OAuth 2.0), against the sandbox that refuses legacy
// Basic as Bandwidth does from 2 December 2026: one token for many sends, a token that dies early,
// a revoked client, and a legacy API user while it is still accepted.

const open: MessagingFixture[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((fixture) => fixture.close()));
  vi.restoreAllMocks();
});
afterAll(async () => {
  await stopJobQueue();
  await testDb().$disconnect();
  await closeTestPool();
});

async function fixtureWith(options: Parameters<typeof messagingFixture>[0]) {
  const fixture = await messagingFixture(options);
  open.push(fixture);
  return fixture;
}
const deps = (): SendDeps => ({
  database: testDb(),
  pool: testPool(),
  settings: TEST_SEND_SETTINGS,
  storage: { configured: postgresStore, s3: null },
  schedule: async () => undefined,
});
const queue = (fixture: MessagingFixture, text = "Your order has shipped") =>
  sendMessage(testDb(), fixture.agent, { from: SENDER_NUMBER, to: uniqueNumber(), text });
const requestsTo = (fixture: MessagingFixture, suffix: string) =>
  fixture.sandbox.state.requests.filter((request) => request.path.endsWith(suffix));
const logged = () => {
  const lines: string[] = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  }
  return lines;
};

describe("sending with API credentials", () => {
  it("fetches one token for many sends that start together, and sends each once with it", async () => {
    const fixture = await fixtureWith({});
    const messages = await Promise.all(Array.from({ length: 6 }, () => queue(fixture)));
    const results = await Promise.all(messages.map((message) => processSendJob(deps(), { messageId: message.id })));
    expect(results).toEqual(Array(6).fill("sent"));
    expect(requestsTo(fixture, "/oauth2/token")).toHaveLength(1);
    expect(requestsTo(fixture, "/messages").map((request) => request.status)).toEqual(Array(6).fill(202));
    // The sandbox logs who authenticated: the client id, never a secret or the token.
    expect(requestsTo(fixture, "/messages").every((request) => request.username === fixture.client.clientId)).toBe(
      true,
    );
  });

  it("refreshes a token that died before its time and still sends the message once", async () => {
    // Scaled down, the sandbox's tokens die after 0.5 s although it says they last a second.
    const fixture = await fixtureWith({ sandbox: { timeScale: 100_000 } });
    expect(await processSendJob(deps(), { messageId: (await queue(fixture)).id })).toBe("sent");
    await new Promise((resolve) => setTimeout(resolve, 650));
    const second = await queue(fixture, "Second");
    expect(await processSendJob(deps(), { messageId: second.id })).toBe("sent");
    // The second send's cached token was refused once (401), then it went with a new one.
    expect(requestsTo(fixture, "/messages").map((request) => request.status)).toEqual([202, 401, 202]);
    expect(requestsTo(fixture, "/oauth2/token")).toHaveLength(2);
    expect(fixture.sandbox.state.messages.filter((record) => record.message.text === "Second")).toHaveLength(1);
  });

  it("fails the message with the reason and alerts the admins when the client is revoked, logging no secret", async () => {
    const lines = logged();
    const fixture = await fixtureWith({});
    expect(await processSendJob(deps(), { messageId: (await queue(fixture)).id })).toBe("sent");
    const revoked = await fetch(
      `${fixture.url}/sandbox/accounts/${fixture.accountId}/credentials/${fixture.client.clientId}`,
      { method: "DELETE" },
    );
    expect(revoked.status).toBe(204);
    const message = await queue(fixture);
    expect(await processSendJob(deps(), { messageId: message.id })).toBe("failed");
    const stored = await testDb().message.findUniqueOrThrow({
      where: { id: message.id },
      include: { recipients: true },
    });
    expect(stored).toMatchObject({
      status: "failed",
      errorDetail: "Bandwidth's token endpoint refused the API credentials (invalid_client). An admin has been told.",
    });
    expect(stored.recipients[0]).toMatchObject({ status: "failed" });
    const account = await testDb().bandwidthAccount.findUniqueOrThrow({ where: { accountId: fixture.accountId } });
    const alerts = await testDb().adminAlert.findMany({ where: { accountId: account.id, resolvedAt: null } });
    expect(alerts.map((alert) => alert.kind)).toEqual(["bandwidth.credentials_rejected"]);
    const tokens = fixture.sandbox.state.requests.map((request) => JSON.stringify(request.response));
    expect(lines.join("\n") + JSON.stringify(stored) + JSON.stringify(alerts)).not.toMatch(
      new RegExp(fixture.client.clientSecret),
    );
    expect(tokens.join("\n")).not.toMatch(/"access_token":"(?!\[redacted\])/);
  });

  it("keeps a legacy API user working while Bandwidth still accepts it", async () => {
    const fixture = await fixtureWith({ legacy: true });
    expect(await processSendJob(deps(), { messageId: (await queue(fixture)).id })).toBe("sent");
    expect(requestsTo(fixture, "/oauth2/token")).toHaveLength(0);
    expect(requestsTo(fixture, "/messages")[0]).toMatchObject({ status: 202, username: "api-user" });
    const account = await testDb().bandwidthAccount.findUniqueOrThrow({ where: { accountId: fixture.accountId } });
    expect(account.credentialKind).toBe("LEGACY");
    const alert = await testDb().adminAlert.findFirst({
      where: { accountId: account.id, kind: "bandwidth.legacy_credentials" },
    });
    expect(alert?.message).toMatch(/2 December 2026/);
  });
});
