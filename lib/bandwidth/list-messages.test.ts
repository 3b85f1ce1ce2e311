import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT, control, OUR_NUMBER, startSandbox } from "@/sandbox/testing/harness";
import type { BandwidthAccess } from "./credentials";
import { listAllMessages, ListMessagesError } from "./list-messages";

let harness: Awaited<ReturnType<typeof startSandbox>>;
let access: BandwidthAccess;

beforeAll(async () => {
  // 300×: the 5-minute rate window is 1 s.
  harness = await startSandbox({ timeScale: 300, listRateLimit: 2 });
  access = {
    accountId: ACCOUNT,
    messagingBaseUrl: `${harness.url}/api/v2`,
    credentials: {
      kind: "OAUTH",
      clientId: harness.config.clientId,
      clientSecret: harness.config.clientSecret,
      tokenUrl: `${harness.url}/api/v1/oauth2/token`,
    },
  };
  for (let index = 0; index < 5; index += 1)
    await control(harness.url, "POST", "/sandbox/inbound", { from: "+15555550123", to: [OUR_NUMBER], text: "hi" });
});
afterAll(() => harness.sandbox.close());

describe("listAllMessages (List Messages through the SDK)", () => {
  it("pages with pageToken, waits out a 429's Retry-After, and counts each request", async () => {
    const waits: number[] = [];
    let requests = 0;
    const items = await listAllMessages(
      access,
      { destinationTn: OUR_NUMBER, messageDirection: "INBOUND", fromDateTime: new Date(Date.now() - 60_000) },
      {
        timeoutMs: 2_000,
        minIntervalMs: 0,
        maxRetryAfterMs: 5_000,
        pageSize: 2,
        onRequest: () => (requests += 1),
        sleep: async (ms) => {
          waits.push(ms);
          await new Promise((resolve) => setTimeout(resolve, ms));
        },
      },
    );
    expect(new Set(items.map((item) => item.messageId)).size).toBe(5);
    expect(items[0]).toMatchObject({
      messageDirection: "INBOUND",
      destinationTn: OUR_NUMBER,
      messageStatus: "RECEIVED",
    });
    // Three pages within a limit of 2 per window: the third is refused (429), then asked again.
    expect(requests).toBe(4);
    expect(waits).toEqual([1_000]);
  });

  it("gives up with ListMessagesError when the Retry-After is longer than it may wait", async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const options = { timeoutMs: 2_000, minIntervalMs: 0, maxRetryAfterMs: 10, pageSize: 1 };
    const failure = await listAllMessages(access, {}, options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ListMessagesError);
    expect(failure).toMatchObject({ rateLimited: true });
  });

  it("refuses wrong credentials as an error, not an empty list", async () => {
    const wrong: BandwidthAccess = {
      ...access,
      credentials: {
        ...access.credentials,
        kind: "OAUTH",
        clientId: "nobody",
        clientSecret: "wrong",
        tokenUrl: `${harness.url}/api/v1/oauth2/token`,
      },
    };
    const options = { timeoutMs: 2_000, minIntervalMs: 0, maxRetryAfterMs: 10 };
    await expect(listAllMessages(wrong, {}, options)).rejects.toBeInstanceOf(ListMessagesError);
  });
});
