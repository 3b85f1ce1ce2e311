import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, control, startSandbox } from "../testing/harness";

let harness: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  harness = await startSandbox();
});
afterAll(() => harness.sandbox.close());

const call = (method: string, path: string, body?: unknown) => control(harness.url, method, path, body);
const credentials = `/sandbox/accounts/${ACCOUNT}/credentials`;
const mediaListStatus = async (token: string, accountId: string) =>
  (await fetch(`${harness.url}/api/v2/users/${accountId}/media`, { headers: { authorization: `Bearer ${token}` } }))
    .status;

describe("an account's API credentials on the control API", () => {
  it("creates a client with generated credentials and shows the secret only then", async () => {
    const created = await call("POST", credentials);
    expect(created.status).toBe(201);
    expect(created.data).toEqual({
      accountId: ACCOUNT,
      clientId: expect.any(String),
      clientSecret: expect.stringMatching(/^.{24,}$/),
    });
    const listed = await call("GET", credentials);
    expect(listed.data).toContainEqual({ clientId: created.data.clientId, activeTokens: 0 });
    expect(JSON.stringify(listed.data)).not.toContain(String(created.data.clientSecret));
    await harness.token(String(created.data.clientId), String(created.data.clientSecret));
    expect((await call("GET", credentials)).data).toContainEqual({ clientId: created.data.clientId, activeTokens: 1 });
  });

  it("takes given credentials and refuses a client id that is taken", async () => {
    expect((await call("POST", credentials, { clientId: "given-id", clientSecret: "given-secret" })).data).toEqual({
      accountId: ACCOUNT,
      clientId: "given-id",
      clientSecret: "given-secret",
    });
    const again = await call("POST", credentials, { clientId: "given-id" });
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ type: "request-validation", fieldErrors: [{ fieldName: "clientId" }] });
    const colon = await call("POST", credentials, { clientId: "has:colon" });
    expect(colon.status).toBe(400);
    expect((await call("POST", credentials, { unknown: true })).status).toBe(400);
    expect((await call("POST", "/sandbox/accounts/1234567/credentials")).data).toEqual({
      type: "not-found",
      description: "no such sandbox account",
    });
  });

  it("rotates a secret (generated or given) and revokes a client", async () => {
    await call("POST", credentials, { clientId: "rotating", clientSecret: "first" });
    const generated = await call("POST", `${credentials}/rotating/rotate`);
    expect(generated.data).toMatchObject({ accountId: ACCOUNT, clientId: "rotating" });
    expect(generated.data.clientSecret).not.toBe("first");
    expect((await call("POST", `${credentials}/rotating/rotate`, { clientSecret: "third" })).data).toMatchObject({
      clientSecret: "third",
    });
    expect((await harness.token("rotating", "third")).length).toBeGreaterThan(0);
    expect((await call("POST", "/sandbox/accounts/1234567/credentials/rotating/rotate")).status).toBe(404);
    expect((await call("DELETE", `${credentials}/rotating`)).status).toBe(204);
    expect((await call("DELETE", `${credentials}/rotating`)).data).toEqual({
      type: "not-found",
      description: "no such API client on this sandbox account",
    });
  });
});

describe("PUT /sandbox/accounts/{accountId}", () => {
  it("still sets a legacy API user, and merges OAuth credentials in", async () => {
    const legacy = await call("PUT", "/sandbox/accounts/9900003", {
      apiUsername: "old-user",
      apiPassword: "old-password",
    });
    expect(legacy).toEqual({ status: 200, data: { accountId: "9900003", apiUsername: "old-user", clientIds: [] } });
    const both = await call("PUT", "/sandbox/accounts/9900003", {
      clientId: "acct3-client",
      clientSecret: "acct3-secret",
    });
    expect(both.data).toEqual({ accountId: "9900003", apiUsername: "old-user", clientIds: ["acct3-client"] });
    const accounts = await call("GET", "/sandbox/accounts");
    expect(accounts.data).toContainEqual({
      accountId: ACCOUNT,
      apiUsername: "sandbox-api-user",
      clientIds: expect.arrayContaining(["sandbox-client-id"]),
    });
    expect(JSON.stringify(accounts.data)).not.toMatch(/password|secret/i);
  });

  it("treats a new secret for a known client as a rotation", async () => {
    await call("PUT", "/sandbox/accounts/9900004", { clientId: "acct4-client", clientSecret: "one" });
    const token = await harness.token("acct4-client", "one");
    await call("PUT", "/sandbox/accounts/9900004", { clientId: "acct4-client", clientSecret: "one" });
    expect(await mediaListStatus(token, "9900004")).toBe(200);
    await call("PUT", "/sandbox/accounts/9900004", { clientId: "acct4-client", clientSecret: "two" });
    expect(await mediaListStatus(token, "9900004")).toBe(401);
  });

  it("refuses half a pair, nothing at all, or another account's client id", async () => {
    for (const body of [{ apiUsername: "u" }, { clientId: "c" }, {}])
      expect((await call("PUT", "/sandbox/accounts/9900005", body)).status).toBe(400);
    const taken = await call("PUT", "/sandbox/accounts/9900005", { clientId: "sandbox-client-id", clientSecret: "x" });
    expect(taken.data).toMatchObject({
      fieldErrors: [{ fieldName: "clientId", description: "this client id belongs to another sandbox account" }],
    });
  });
});

describe("GET/PUT /sandbox/auth", () => {
  it("switches legacy Basic and refuses anything but accepted or refused", async () => {
    expect((await call("PUT", "/sandbox/auth", { legacyBasicAuth: "accepted" })).data).toEqual({
      legacyBasicAuth: "accepted",
    });
    expect((await call("GET", "/sandbox/auth")).data).toEqual({ legacyBasicAuth: "accepted" });
    expect((await call("PUT", "/sandbox/auth", { legacyBasicAuth: "maybe" })).status).toBe(400);
    expect((await call("PUT", "/sandbox/auth", { legacyBasicAuth: "refused" })).data).toEqual({
      legacyBasicAuth: "refused",
    });
  });
});
