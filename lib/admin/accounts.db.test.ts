import { beforeEach, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import {
  ACCOUNT_SETTINGS,
  addAccount,
  ENCRYPTION_KEY,
  SECRET,
  setUpAdminFixture,
  type AdminFixture,
} from "@/lib/testing/admin-fixtures";
import { testDb } from "@/lib/testing/test-database";
import { accountCreateSchema, accountUpdateSchema } from "@/lib/validations/admin";
import { testAccountConnection } from "./account-connection";
import { listOpenAlerts } from "./alerts";
import { listAccounts, updateAccount } from "./accounts";
import { listAudit } from "./audit";

const current = setUpAdminFixture();
let context: AdminFixture;
beforeEach(() => {
  context = current();
});

const settings = { encryptionKey: ENCRYPTION_KEY, timeoutMs: 5_000 };
const auditFor = async (targetId: string) =>
  (await listAudit(testDb(), { limit: 50 })).entries.filter((entry) => entry.targetId === targetId);
const sandboxControl = (path: string, method: string, body?: object) =>
  fetch(`${context.fixture.url}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  }).then((response) => response.json() as Promise<Record<string, string>>);
/** API credentials the sandbox knows, for the console to be given. */
const newClient = () => sandboxControl(`/sandbox/accounts/${context.fixture.accountId}/credentials`, "POST", {});

describe("Bandwidth accounts", () => {
  it("stores the secret encrypted, never returns or logs it, and audits the change without it", async () => {
    const account = await addAccount(context);
    expect(account).toMatchObject({ credentialKind: "OAUTH", credentialSecretSet: true, legacyWarning: null });
    const row = await testDb().bandwidthAccount.findUniqueOrThrow({ where: { id: account.id } });
    expect(row.credentialSecretEncrypted).not.toContain(SECRET);
    expect(row.credentialSecretEncrypted).not.toContain(Buffer.from(SECRET).toString("base64"));
    expect(decryptSecret(row.credentialSecretEncrypted, ENCRYPTION_KEY)).toBe(SECRET);
    expect(JSON.stringify(account)).not.toContain(row.credentialSecretEncrypted);
    expect(JSON.stringify(await listAccounts(testDb()))).not.toMatch(
      new RegExp(`${SECRET}|${row.credentialSecretEncrypted.slice(0, 20)}`),
    );

    await updateAccount(
      testDb(),
      context.admin,
      account.id,
      { credentialSecret: `${SECRET}-2`, name: "Support US" },
      ACCOUNT_SETTINGS,
    );
    const audit = await auditFor(account.id);
    expect(audit.map((entry) => entry.action)).toEqual(["account.update", "account.create"]);
    expect(audit[0]?.details).toMatchObject({
      name: { from: "Support", to: "Support US" },
      credentialSecret: "[redacted]",
    });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(context.logged.join("\n")).not.toContain(SECRET);
  });

  it("tests the connection with API credentials (a token from the sandbox) and explains a refused secret", async () => {
    const good = await testDb().bandwidthAccount.findUniqueOrThrow({ where: { accountId: context.fixture.accountId } });
    expect(await testAccountConnection(testDb(), good.id, settings)).toEqual({
      ok: true,
      kind: "OAUTH",
      message: `Connected with API credentials (OAuth 2.0): Bandwidth issued a token and accepted it for account ${context.fixture.accountId}.`,
    });
    const bad = await addAccount(context, { credentialId: context.fixture.client.clientId });
    const result = await testAccountConnection(testDb(), bad.id, settings);
    expect(result).toMatchObject({ ok: false, kind: "OAUTH" });
    expect(result.message).toMatch(/^Bandwidth's token endpoint refused the API credentials \(invalid_client\)/);
    const everything = JSON.stringify([result, await listAccounts(testDb()), await listAudit(testDb(), { limit: 50 })]);
    expect(everything + context.logged.join("\n")).not.toMatch(
      new RegExp(`${SECRET}|${context.fixture.client.clientSecret}`),
    );
  });

  it("keeps a legacy API user working while Bandwidth accepts it, with the 2 December 2026 warning on the account and the alert list", async () => {
    const legacy = await addAccount(context, {
      // Another account id than the fixture's (which may itself begin with 8: the old "replace the
      // first digit with 8" collided one run in eight).
      accountId: String(90_000_000 + Math.floor(Math.random() * 9_000_000)),
      credentialKind: "LEGACY",
      credentialId: "api-user",
      credentialSecret: "api-password-for-tests",
    });
    expect(legacy.legacyWarning).toMatch(/legacy API user.*2 December 2026.*API Credentials/);
    expect((await listOpenAlerts(testDb())).map((alert) => alert.message)).toContain(legacy.legacyWarning);
    // This row names another account id, so point a legacy row at the sandbox's account instead.
    await testDb().bandwidthAccount.update({
      where: { id: legacy.id },
      data: { accountId: `${context.fixture.accountId}0` },
    });
    await testDb().bandwidthAccount.update({
      where: { accountId: context.fixture.accountId },
      data: { accountId: `${context.fixture.accountId}9` },
    });
    await testDb().bandwidthAccount.update({
      where: { id: legacy.id },
      data: { accountId: context.fixture.accountId },
    });

    const refused = await testAccountConnection(testDb(), legacy.id, settings);
    expect(refused).toMatchObject({ ok: false, kind: "LEGACY" });
    expect(refused.message).toMatch(/rejected the credentials \(HTTP 401\), using the legacy API user/);
    await sandboxControl("/sandbox/auth", "PUT", { legacyBasicAuth: "accepted" });
    const accepted = await testAccountConnection(testDb(), legacy.id, settings);
    expect(accepted).toMatchObject({ ok: true, kind: "LEGACY" });
    expect(accepted.message).toMatch(/stops accepting legacy API users on 2 December 2026/);
  });

  it("switches an account from a legacy API user to API credentials, closing the warning", async () => {
    const legacy = await addAccount(context, { credentialKind: "LEGACY", credentialId: "api-user" });
    expect(accountUpdateSchema.safeParse({ credentialKind: "OAUTH" }).error?.issues[0]?.message).toMatch(
      /needs the new credentialId and credentialSecret/,
    );
    const client = await newClient();
    const switched = await updateAccount(
      testDb(),
      context.admin,
      legacy.id,
      accountUpdateSchema.parse({
        credentialKind: "OAUTH",
        credentialId: client.clientId,
        credentialSecret: client.clientSecret,
      }),
      ACCOUNT_SETTINGS,
    );
    expect(switched).toMatchObject({ credentialKind: "OAUTH", credentialId: client.clientId, legacyWarning: null });
    expect((await listOpenAlerts(testDb())).map((alert) => alert.message)).not.toContain(legacy.legacyWarning);
    expect((await auditFor(legacy.id))[0]?.details).toMatchObject({ credentialKind: { from: "LEGACY", to: "OAUTH" } });
  });

  it("refuses to send the secret somewhere new without it being entered again, and plain http off this machine", async () => {
    const account = await addAccount(context);
    const update = (input: object, sandboxEnabled = true) =>
      updateAccount(testDb(), context.admin, account.id, accountUpdateSchema.parse(input), {
        ...ACCOUNT_SETTINGS,
        sandboxEnabled,
      });
    await expect(update({ messagingBaseUrl: "https://evil.example/api/v2" })).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^credentialSecret: changing messagingBaseUrl/),
    });
    await expect(update({ tokenUrl: "https://evil.example/token" })).rejects.toMatchObject({ status: 422 });
    await expect(
      update({ messagingBaseUrl: "http://inbox.example/api/v2", credentialSecret: SECRET }),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringMatching(/^messagingBaseUrl: use https:\/\//),
    });
    await expect(update({ name: "Renamed", credentialSecret: SECRET }, false)).rejects.toMatchObject({ status: 422 });
    const moved = await update({ messagingBaseUrl: "https://messaging.example/api/v2", credentialSecret: SECRET });
    expect(moved.messagingBaseUrl).toBe("https://messaging.example/api/v2");
    // Sending the same URL again is no change and needs no secret.
    await expect(update({ messagingBaseUrl: "https://messaging.example/api/v2" })).resolves.toBeTruthy();
  });

  it("refuses a duplicate account id with 409 and a malformed one before it is stored", async () => {
    const account = await addAccount(context);
    const row = await testDb().bandwidthAccount.findUniqueOrThrow({ where: { id: account.id } });
    await expect(addAccount(context, { accountId: row.accountId })).rejects.toMatchObject({ status: 409 });
    expect(
      accountCreateSchema.safeParse({ accountId: "99-001", name: "x", credentialId: "u", credentialSecret: "p" }).error
        ?.issues[0]?.message,
    ).toBe("accountId: Bandwidth's account id is digits only, e.g. 9900001");
  });

  it("keeps what the environment set read-only", async () => {
    const fromEnv = await testDb().bandwidthAccount.findUniqueOrThrow({
      where: { accountId: context.fixture.accountId },
    });
    expect(fromEnv.source).toBe("ENVIRONMENT");
    await expect(
      updateAccount(testDb(), context.admin, fromEnv.id, { name: "Renamed" }, ACCOUNT_SETTINGS),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining("BANDWIDTH_* environment") });
  });
});
