import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { responseProblems } from "../testing/openapi";
import {
  ACCOUNT,
  APPLICATION,
  control,
  OUR_NUMBER,
  settle,
  startReceiver,
  startSandbox,
  waitFor,
} from "../testing/harness";

const MESSAGES = "/users/{accountId}/messages";
let harness: Awaited<ReturnType<typeof startSandbox>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
  // 3,600×: a Bandwidth second is under a millisecond; the 5-minute rate window is 83 ms.
  harness = await startSandbox({
    timeScale: 3600,
    listRateLimit: 4,
    inboundCallbackUrl: receiver.url,
    statusCallbackUrl: receiver.url,
  });
});
afterAll(async () => {
  await harness.sandbox.close();
  await receiver.close();
});
beforeEach(async () => {
  await control(harness.url, "POST", "/sandbox/reset");
  receiver.received.length = 0;
});

async function list(query: Record<string, string>) {
  const response = await fetch(`${harness.url}/api/v2/users/${ACCOUNT}/messages?${new URLSearchParams(query)}`, {
    headers: await harness.bearer(),
  });
  return {
    status: response.status,
    headers: response.headers,
    data: (await response.json()) as Record<string, unknown>,
  };
}

const send = (to: string[], text = "hello") =>
  settle(
    harness.sdk().messages.createMessage(ACCOUNT, { applicationId: APPLICATION, from: OUR_NUMBER, to, text } as never),
  );

describe("GET /users/{accountId}/messages (List Messages)", () => {
  it("lists each recipient's final status, error code and carrier, as the spec shapes it, never the text", async () => {
    const sent = await send(["+15555550007", "+15555554720"], "secret words");
    const id = (sent.data as { id: string }).id;
    await waitFor(() => receiver.events().filter((event) => event.type !== "message-sending").length >= 4);
    const { status, data } = await list({ messageId: id });
    expect(status).toBe(200);
    expect(responseProblems(MESSAGES, "get", 200, data)).toEqual([]);
    expect(data).toMatchObject({ totalCount: 2 });
    const items = data.messages as Array<Record<string, unknown>>;
    expect(items.map((item) => [item.destinationTn, item.messageStatus, item.errorCode])).toEqual(
      expect.arrayContaining([
        ["+15555550007", "DELIVERED", 0],
        ["+15555554720", "FAILED", 4720],
      ]),
    );
    expect(items[0]).toMatchObject({ messageDirection: "OUTBOUND", messageType: "mms", attachmentCount: 0 });
    expect(JSON.stringify(data)).not.toContain("secret words");
  });

  it("filters by direction, numbers and time, and pages with pageToken", async () => {
    for (let index = 0; index < 5; index += 1) {
      await control(harness.url, "POST", "/sandbox/inbound", {
        from: "+15555550123",
        to: [OUR_NUMBER],
        text: `${index}`,
      });
    }
    await send(["+15555550008"]);
    const since = new Date(Date.now() - 60_000).toISOString();
    const first = await list({
      messageDirection: "INBOUND",
      destinationTn: OUR_NUMBER,
      fromDateTime: since,
      limit: "2",
    });
    expect(first.data).toMatchObject({ totalCount: 5 });
    expect(first.data.messages).toHaveLength(2);
    const seen = [...(first.data.messages as Array<{ messageId: string }>)];
    let info = first.data.pageInfo as { nextPageToken?: string; nextPage?: string };
    expect(info.nextPage).toContain(`pageToken=${info.nextPageToken}`);
    while (info.nextPageToken) {
      await new Promise((resolve) => setTimeout(resolve, 90)); // stay under the test's limit of 4 per window
      const page = await list({
        messageDirection: "INBOUND",
        destinationTn: OUR_NUMBER,
        fromDateTime: since,
        limit: "2",
        pageToken: info.nextPageToken,
      });
      expect((page.data.pageInfo as { prevPageToken?: string }).prevPageToken).toBeTruthy();
      seen.push(...(page.data.messages as Array<{ messageId: string }>));
      info = page.data.pageInfo as typeof info;
    }
    expect(new Set(seen.map((item) => item.messageId)).size).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 90));
    const future = await list({ fromDateTime: new Date(Date.now() + 60_000).toISOString() });
    expect(future.data).toMatchObject({ totalCount: 0, messages: [] });
  });

  it("refuses a bad filter with 400 and too many requests with 429 and Retry-After", async () => {
    await new Promise((resolve) => setTimeout(resolve, 90));
    const bad = await list({ messageStatus: "LOST", limit: "0" });
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({ type: "request-validation" });
    const answers = [];
    for (let index = 0; index < 6; index += 1) answers.push(await list({}));
    const refused = answers.find((answer) => answer.status === 429);
    expect(refused?.headers.get("retry-after")).toBe("1");
    expect(refused && responseProblems(MESSAGES, "get", 429, refused.data)).toEqual([]);
    const anonymous = await fetch(`${harness.url}/api/v2/users/${ACCOUNT}/messages`);
    expect(anonymous.status).toBe(401);
  });

  it("drops every callback of chosen messages for good (fault), while List Messages still knows them", async () => {
    await control(harness.url, "PUT", "/sandbox/faults", { dropCallbacks: { numbers: ["+15555550009"] } });
    const sent = await send(["+15555550009"]);
    const id = (sent.data as { id: string }).id;
    await waitFor(() => {
      const callbacks = harness.sandbox.dispatcher.deliveries.filter(
        (delivery) => delivery.events[0]?.message.id === id,
      );
      return callbacks.length >= 2 && callbacks.every((delivery) => delivery.state === "dropped");
    });
    expect(receiver.received).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 90));
    expect((await list({ messageId: id })).data.messages).toMatchObject([{ messageStatus: "DELIVERED" }]);
  });
});
