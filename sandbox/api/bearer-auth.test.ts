import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, APPLICATION, control, OUR_NUMBER, settle, startSandbox } from "../testing/harness";
import { requestToken } from "../testing/oauth-client";
import { responseProblems } from "../testing/openapi";

const MESSAGES = "/users/{accountId}/messages";
const MEDIA = "/users/{accountId}/media/{mediaId}";
const SMS = { applicationId: APPLICATION, from: OUR_NUMBER, to: ["+15555550801"], text: "hi" };

let harness: Awaited<ReturnType<typeof startSandbox>>;
beforeAll(async () => {
  harness = await startSandbox();
});
afterAll(() => harness.sandbox.close());

type Apis = ReturnType<typeof harness.sdk>;
const sendWith = (apis: Apis, accountId = ACCOUNT) => settle(apis.messages.createMessage(accountId, SMS as never));

function expectUnauthorized(answer: { status: number; data: unknown }) {
  expect(answer.status).toBe(401);
  expect(responseProblems(MESSAGES, "post", 401, answer.data)).toEqual([]);
  expect(answer.data).toEqual({ type: "unauthorized", description: "Authentication Failed" });
}

/** A fresh API client of the default account, so rotating or revoking it disturbs no other test. */
async function newClient() {
  const { data } = await control(harness.url, "POST", `/sandbox/accounts/${ACCOUNT}/credentials`);
  return { clientId: String(data.clientId), clientSecret: String(data.clientSecret) };
}

describe("Bearer tokens on the messaging API, through the official SDK", () => {
  it("sends with a token from the sandbox's token URL (SDK `accessToken` function)", async () => {
    const { status, data } = await sendWith(harness.sdk());
    expect(status).toBe(202);
    expect(responseProblems(MESSAGES, "post", 202, data)).toEqual([]);
    const log = (await control(harness.url, "GET", "/sandbox/requests")).data;
    expect(log.filter((entry) => String(entry.path).endsWith("/messages")).at(-1)).toMatchObject({
      username: "sandbox-client-id",
      status: 202,
    });
  });

  it("answers 401 to an unknown token and 403 to another account's", async () => {
    expectUnauthorized(await sendWith(harness.sdkWithToken("made-up")));
    await control(harness.url, "PUT", "/sandbox/accounts/9900002", {
      clientId: "other-account-client",
      clientSecret: "other-secret",
    });
    const other = await sendWith(harness.sdk("other-account-client", "other-secret"));
    expect(other.status).toBe(403);
    expect(responseProblems(MESSAGES, "post", 403, other.data)).toEqual([]);
  });

  it("ends every token of a client whose secret is rotated, and the old secret with them", async () => {
    const client = await newClient();
    const token = await harness.token(client.clientId, client.clientSecret);
    expect((await sendWith(harness.sdkWithToken(token))).status).toBe(202);
    const rotated = await control(
      harness.url,
      "POST",
      `/sandbox/accounts/${ACCOUNT}/credentials/${client.clientId}/rotate`,
    );
    expect(rotated.status).toBe(200);
    expectUnauthorized(await sendWith(harness.sdkWithToken(token)));
    const oldSecret = await requestToken(harness.url, client);
    expect(oldSecret.status).toBe(401);
    expect(oldSecret.data).toMatchObject({ error: "invalid_client" });
    expect((await sendWith(harness.sdk(client.clientId, String(rotated.data.clientSecret)))).status).toBe(202);
  });

  it("ends a revoked client's tokens at once", async () => {
    const client = await newClient();
    const token = await harness.token(client.clientId, client.clientSecret);
    expect(
      (await control(harness.url, "DELETE", `/sandbox/accounts/${ACCOUNT}/credentials/${client.clientId}`)).status,
    ).toBe(204);
    expectUnauthorized(await sendWith(harness.sdkWithToken(token)));
    expect((await requestToken(harness.url, client)).status).toBe(401);
  });

  it("keeps tokens across a reset, as Bandwidth never drops them between test runs", async () => {
    const token = await harness.token();
    expect((await control(harness.url, "POST", "/sandbox/reset")).status).toBe(204);
    expect((await sendWith(harness.sdkWithToken(token))).status).toBe(202);
  });

  it("uploads and downloads media with a token", async () => {
    const media = harness.sdk().media;
    expect(
      (await settle(media.uploadMedia(ACCOUNT, "bearer.txt", Buffer.from("with a token") as never, "text/plain")))
        .status,
    ).toBe(204);
    const got = await settle(media.getMedia(ACCOUNT, "bearer.txt", { responseType: "arraybuffer" }));
    expect(got.status).toBe(200);
    expect(Buffer.from(got.data as ArrayBuffer).toString()).toBe("with a token");
    const refused = await settle(harness.sdkWithToken("made-up").media.getMedia(ACCOUNT, "bearer.txt"));
    expect(refused.status).toBe(401);
    expect(responseProblems(MEDIA, "get", 401, refused.data)).toEqual([]);
  });
});

describe("legacy API users (HTTP Basic)", () => {
  it("are refused by default, as from 2 December 2026, and work again once accepted", async () => {
    expect((await control(harness.url, "GET", "/sandbox/auth")).data).toEqual({ legacyBasicAuth: "refused" });
    expectUnauthorized(await sendWith(harness.legacySdk()));
    expect((await settle(harness.legacySdk().media.listMedia(ACCOUNT))).status).toBe(401);
    const log = (await control(harness.url, "GET", "/sandbox/requests")).data;
    expect(log.at(-1)).toMatchObject({ username: "sandbox-api-user", status: 401 });
    expect(JSON.stringify(log)).not.toContain("sandbox-api-password");

    expect((await control(harness.url, "PUT", "/sandbox/auth", { legacyBasicAuth: "accepted" })).data).toEqual({
      legacyBasicAuth: "accepted",
    });
    try {
      expect((await sendWith(harness.legacySdk())).status).toBe(202);
      expect((await settle(harness.legacySdk().media.listMedia(ACCOUNT))).status).toBe(200);
      expectUnauthorized(await sendWith(harness.legacySdk("sandbox-api-user", "wrong")));
      expect((await sendWith(harness.sdk())).status).toBe(202);
    } finally {
      await control(harness.url, "PUT", "/sandbox/auth", { legacyBasicAuth: "refused" });
    }
    expectUnauthorized(await sendWith(harness.legacySdk()));
  });

  it("can be accepted from the start with SANDBOX_LEGACY_BASIC_AUTH", async () => {
    const before = await startSandbox({ legacyBasicAuth: "accepted" });
    try {
      expect((await sendWith(before.legacySdk())).status).toBe(202);
    } finally {
      await before.sandbox.close();
    }
  });
});

describe("token lifetime", () => {
  it("answers 401 once a token's hour (scaled) is over; a new token works", async () => {
    // Bandwidth's hour lasts 150 ms here.
    const quick = await startSandbox({ timeScale: 3_600_000 / 150, minimumTimeoutMs: 50 });
    try {
      const token = await quick.token();
      expect((await sendWith(quick.sdkWithToken(token))).status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expectUnauthorized(await sendWith(quick.sdkWithToken(token)));
      expect((await sendWith(quick.sdk())).status).toBe(202);
    } finally {
      await quick.sandbox.close();
    }
  });
});
