import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { control, startSandbox } from "../testing/harness";
import { requestToken } from "../testing/oauth-client";
import { securitySchemes } from "../testing/openapi";

let harness: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  harness = await startSandbox();
});
afterAll(() => harness.sandbox.close());

const token = (request: Parameters<typeof requestToken>[1] = {}) => requestToken(harness.url, request);

/** RFC 6749 §5.2: an error body is `error` plus an optional `error_description`, nothing else. */
function expectOAuthError(answer: Awaited<ReturnType<typeof requestToken>>, status: number, error: string) {
  expect(answer.status).toBe(status);
  expect(answer.data).toEqual({ error, error_description: expect.any(String) });
  expect(answer.headers.get("cache-control")).toBe("no-store");
}

describe("POST /api/v1/oauth2/token", () => {
  it("is where the spec's OAuth2 client credentials flow points", () => {
    const oauth = securitySchemes().OAuth2 as { type: string; flows: { clientCredentials: { tokenUrl: string } } };
    expect(oauth.type).toBe("oauth2");
    expect(new URL(oauth.flows.clientCredentials.tokenUrl).pathname).toBe("/api/v1/oauth2/token");
  });

  it("issues an opaque Bearer token as RFC 6749 §5.1 describes", async () => {
    const first = await token();
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toMatch(/^application\/json/);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.headers.get("pragma")).toBe("no-cache");
    expect(Object.keys(first.data).sort()).toEqual(["access_token", "expires_in", "token_type"]);
    expect(first.data).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9\-._~+/]{32,}=*$/),
      token_type: "Bearer",
      expires_in: 3600,
    });
    const second = await token();
    expect(second.data.access_token).not.toBe(first.data.access_token);
  });

  it("takes the client's credentials in the form instead of HTTP Basic (client_secret_post)", async () => {
    const posted = await token({
      noBasic: true,
      body: "grant_type=client_credentials&client_id=sandbox-client-id&client_secret=sandbox-client-secret",
    });
    expect(posted.status).toBe(200);
  });

  it("reads Basic credentials raw, as the official SDK sends them, or form-encoded, as RFC 6749 §2.3.1 asks", async () => {
    const secret = "s3cret+with/odd%chars";
    expect(
      (
        await control(harness.url, "POST", "/sandbox/accounts/9900001/credentials", {
          clientId: "odd-client",
          clientSecret: secret,
        })
      ).status,
    ).toBe(201);
    expect((await token({ clientId: "odd-client", clientSecret: secret })).status).toBe(200);
    expect((await token({ clientId: "odd-client", clientSecret: encodeURIComponent(secret) })).status).toBe(200);
  });

  it.each([
    [
      "a grant type other than client_credentials",
      { body: "grant_type=password&username=a&password=b" },
      "unsupported_grant_type",
    ],
    ["no grant type", { body: "" }, "invalid_request"],
    [
      "a JSON body",
      { body: JSON.stringify({ grant_type: "client_credentials" }), contentType: "application/json" },
      "invalid_request",
    ],
    ["a text/plain body", { contentType: "text/plain" }, "invalid_request"],
    ["a body with broken escapes", { body: "grant_type=client%zzcredentials" }, "invalid_request"],
    [
      "a repeated grant type",
      { body: "grant_type=client_credentials&grant_type=client_credentials" },
      "invalid_request",
    ],
    [
      "credentials both in Basic and in the form",
      { body: "grant_type=client_credentials&client_id=sandbox-client-id&client_secret=sandbox-client-secret" },
      "invalid_request",
    ],
  ])("answers 400 for %s", async (_, request, error) => {
    expectOAuthError(await token(request), 400, error);
  });

  it.each([
    ["an unknown client", { clientId: "nobody" }],
    ["a wrong secret", { clientSecret: "wrong" }],
    ["no client authentication", { noBasic: true }],
    ["the legacy API user", { clientId: "sandbox-api-user", clientSecret: "sandbox-api-password" }],
  ])("answers 401 invalid_client with a Basic challenge for %s", async (_, request) => {
    const answer = await token(request);
    expectOAuthError(answer, 401, "invalid_client");
    expect(answer.headers.get("www-authenticate")).toMatch(/^Basic\b/);
  });

  it("logs token requests with the client id, never the secret or the token", async () => {
    const issued = await token({
      noBasic: true,
      body: "grant_type=client_credentials&client_id=sandbox-client-id&client_secret=sandbox-client-secret",
    });
    const log = (await control(harness.url, "GET", "/sandbox/requests")).data.filter(
      (entry) => entry.path === "/api/v1/oauth2/token",
    );
    expect(log.length).toBeGreaterThan(5);
    expect(log.at(-1)).toMatchObject({
      method: "POST",
      username: "sandbox-client-id",
      status: 200,
      body: { grant_type: "client_credentials", client_id: "sandbox-client-id" },
    });
    const text = JSON.stringify(log);
    expect(text).not.toContain("sandbox-client-secret");
    expect(text).not.toContain("s3cret");
    expect(text).not.toContain(String(issued.data.access_token));
  });
});
