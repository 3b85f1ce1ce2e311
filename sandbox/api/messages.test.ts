import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { responseProblems } from "../testing/openapi";
import { ACCOUNT, APPLICATION, OUR_NUMBER, settle, startSandbox, TOLL_FREE } from "../testing/harness";

const MESSAGES = "/users/{accountId}/messages";
let harness: Awaited<ReturnType<typeof startSandbox>>;

beforeAll(async () => {
  harness = await startSandbox({ timeScale: 1, queueCapacitySegments: 900 });
});
afterAll(() => harness.sandbox.close());

const send = (body: Record<string, unknown>) =>
  settle(
    harness.sdk().messages.createMessage(ACCOUNT, { applicationId: APPLICATION, from: OUR_NUMBER, ...body } as never),
  );

function expectSpec(status: number, data: unknown) {
  expect(responseProblems(MESSAGES, "post", status, data)).toEqual([]);
}

describe("POST /users/{accountId}/messages through the official SDK", () => {
  it("accepts an SMS with 202 and the message as the spec describes it", async () => {
    const { status, data } = await send({ to: ["+15555550001"], text: "Hello from the sandbox", tag: "our-id-1" });
    expect(status).toBe(202);
    expectSpec(202, data);
    expect(data).toMatchObject({
      owner: OUR_NUMBER,
      applicationId: APPLICATION,
      direction: "out",
      to: ["+15555550001"],
      from: OUR_NUMBER,
      text: "Hello from the sandbox",
      tag: "our-id-1",
      segmentCount: 1,
      priority: "default",
    });
    expect((data as { id: string }).id).toMatch(/^\d{13}[a-z0-9]{16}$/);
  });

  it("accepts `to` as a plain string", async () => {
    const response = await settle(
      fetch(`${harness.url}/api/v2/users/${ACCOUNT}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(await harness.bearer()) },
        body: JSON.stringify({ applicationId: APPLICATION, from: OUR_NUMBER, to: "+15555550002", text: "hi" }),
      }).then(async (r) => ({ status: r.status, data: await r.json(), headers: {} })),
    );
    expect(response.status).toBe(202);
    expect(response.data).toMatchObject({ to: ["+15555550002"] });
  });

  it.each([
    ["GSM-7 at 160 characters", "a".repeat(160), 1],
    ["GSM-7 at 161 characters", "a".repeat(161), 2],
    ["extension characters counting two", "€".repeat(81), 2],
    ["UCS-2 at 70 characters", "ж".repeat(70), 1],
    ["UCS-2 at 71 characters", "ж".repeat(71), 2],
    ["emoji at 35", "😀".repeat(35), 1],
    ["emoji at 36", "😀".repeat(36), 2],
  ])("counts segments: %s", async (_, text, segments) => {
    const { status, data } = await send({ to: ["+15555550003"], text });
    expect(status).toBe(202);
    expect((data as { segmentCount: number }).segmentCount).toBe(segments);
  });

  it("makes a group of 10 one MMS segment and refuses 11 recipients", async () => {
    const ten = Array.from({ length: 10 }, (_, index) => `+1555555010${index}`);
    const group = await send({ to: ten, text: "a".repeat(500) });
    expect(group.status).toBe(202);
    expect(group.data).toMatchObject({ segmentCount: 1, to: ten });
    const eleven = await send({ to: [...ten, "+15555550111"], text: "hi" });
    expect(eleven.status).toBe(400);
    expectSpec(400, eleven.data);
    expect(eleven.data).toMatchObject({
      type: "request-validation",
      fieldErrors: [{ fieldName: "to", description: expect.stringMatching(/at most 10/) }],
    });
  });

  it("refuses a group from a toll-free number but lets it send one-to-one", async () => {
    const group = await send({ from: TOLL_FREE, to: ["+15555550201", "+15555550202"], text: "hi" });
    expect(group.status).toBe(400);
    expectSpec(400, group.data);
    expect(group.data).toMatchObject({
      fieldErrors: [{ fieldName: "from", description: expect.stringMatching(/toll-free/) }],
    });
    expect((await send({ from: TOLL_FREE, to: ["+15555550201"], text: "hi" })).status).toBe(202);
  });

  it.each([
    ["duplicate recipients", { to: ["+15555550301", "+15555550301"], text: "hi" }, "to"],
    ["a malformed number", { to: ["5555550301"], text: "hi" }, "to"],
    ["text over 2048 characters", { to: ["+15555550301"], text: "a".repeat(2049) }, "text"],
    ["neither text nor media", { to: ["+15555550301"] }, "text"],
    ["a tag over 1024 characters", { to: ["+15555550301"], text: "hi", tag: "t".repeat(1025) }, "tag"],
    ["an unknown priority", { to: ["+15555550301"], text: "hi", priority: "urgent" }, "priority"],
    [
      "an expiration in the past",
      { to: ["+15555550301"], text: "hi", expiration: "2020-01-01T00:00:00Z" },
      "expiration",
    ],
    ["a media entry that is not a URL", { to: ["+15555550301"], media: ["not a url"] }, "media"],
    ["an application of no account", { to: ["+15555550301"], text: "hi", applicationId: "nope" }, "applicationId"],
    ["a number not on the account", { to: ["+15555550301"], text: "hi", from: "+19999999999" }, "from"],
  ])("refuses %s with field errors", async (_, body, field) => {
    const { status, data } = await send(body);
    expect(status).toBe(400);
    expectSpec(400, data);
    expect(
      (data as { fieldErrors: Array<{ fieldName: string }> }).fieldErrors.map((error) => error.fieldName),
    ).toContain(field);
  });

  it("answers 401 for a bad token and 403 for another account's", async () => {
    const wrong = await settle(
      harness.sdkWithToken("not-a-token-the-sandbox-issued").messages.createMessage(ACCOUNT, {
        applicationId: APPLICATION,
        from: OUR_NUMBER,
        to: ["+15555550401"],
        text: "x",
      } as never),
    );
    expect(wrong.status).toBe(401);
    expect(responseProblems(MESSAGES, "post", 401, wrong.data)).toEqual([]);
    expect(wrong.data).toEqual({ type: "unauthorized", description: "Authentication Failed" });
    const other = await settle(
      harness.sdk().messages.createMessage("1234567", {
        applicationId: APPLICATION,
        from: OUR_NUMBER,
        to: ["+15555550401"],
        text: "x",
      } as never),
    );
    expect(other.status).toBe(403);
    expect(responseProblems(MESSAGES, "post", 403, other.data)).toEqual([]);
  });

  it("answers 415 for a body that is not JSON, 400 for broken JSON, and a Spring 404 for an unknown path", async () => {
    const auth = await harness.bearer();
    const text = await fetch(`${harness.url}/api/v2/users/${ACCOUNT}/messages`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain;charset=UTF-8" },
      body: "hi",
    });
    expect(text.status).toBe(415);
    const unsupported = await text.json();
    expect(responseProblems(MESSAGES, "post", 415, unsupported)).toEqual([]);
    expect(unsupported).toEqual({
      type: "unsupported-content-type",
      description: "Content type 'text/plain;charset=UTF-8' not supported. Please use 'application/json'",
    });
    const broken = await fetch(`${harness.url}/api/v2/users/${ACCOUNT}/messages`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{nope",
    });
    expect(broken.status).toBe(400);
    expect(responseProblems(MESSAGES, "post", 400, await broken.json())).toEqual([]);
    const unknown = await fetch(`${harness.url}/api/v2/users/${ACCOUNT}/messages/happy`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      status: 404,
      error: "Not Found",
      message: "Not Found",
      path: `/api/v2/users/${ACCOUNT}/messages/happy`,
    });
  });

  it("records the exact requests the app made", async () => {
    await send({ to: ["+15555550501"], text: "recorded", tag: "check-log" });
    const log = (await (await fetch(`${harness.url}/sandbox/requests`)).json()) as Array<{
      body: { tag?: string };
      username: string;
      status: number;
      userAgent: string;
    }>;
    const entry = log.find((record) => record.body?.tag === "check-log");
    expect(entry).toMatchObject({
      username: "sandbox-client-id",
      status: 202,
      body: { text: "recorded", to: ["+15555550501"] },
    });
  });
});

describe("the account's queue", () => {
  it("answers 429 max-message-queue-size-exceeded once the queue is full, then drains", async () => {
    // One segment leaves every half second (60 a minute at time scale 2): slow enough that a busy
    // machine cannot drain the queue between the sends below.
    const small = await startSandbox({ queueCapacitySegments: 3, rateSegmentsPerMinute: 60, timeScale: 2 });
    try {
      const api = small.sdk(); // one SDK, so one token for every send below
      const post = () =>
        settle(
          api.messages.createMessage(ACCOUNT, {
            applicationId: APPLICATION,
            from: OUR_NUMBER,
            to: ["+15555550601"],
            text: "x",
          } as never),
        );
      const statuses = [];
      for (let index = 0; index < 4; index += 1) statuses.push((await post()).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
      const refused = await post();
      expect(responseProblems(MESSAGES, "post", 429, refused.data)).toEqual([]);
      expect(refused.data).toMatchObject({ type: "max-message-queue-size-exceeded" });
      expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await post()).status).toBe(202);
    } finally {
      await small.sandbox.close();
    }
  });

  it("answers injected 429s and 5xx when asked", async () => {
    await fetch(`${harness.url}/sandbox/faults`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ failNextSends: [429, 503] }),
    });
    const statuses = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await send({ to: ["+15555550701"], text: "x" })).status);
    expect(statuses).toEqual([429, 503, 202]);
  });
});
