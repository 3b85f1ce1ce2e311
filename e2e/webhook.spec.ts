import { expect, test } from "@playwright/test";
import { APPLICATION_ID, CALLBACK_AUTH, customer, SUPPORT_LINE } from "./support/sandbox";
import { sql } from "./support/users";

const url = `/api/webhooks/bandwidth/${APPLICATION_ID}`;
const received = (id: string, from = customer()) => ({
  type: "message-received",
  time: new Date().toISOString(),
  to: SUPPORT_LINE,
  description: "Incoming message received",
  message: {
    id,
    owner: SUPPORT_LINE,
    applicationId: APPLICATION_ID,
    time: new Date().toISOString(),
    segmentCount: 1,
    direction: "in",
    to: [SUPPORT_LINE],
    from,
    text: "hi",
  },
});

test.describe("the Bandwidth webhook", () => {
  test("refuses missing or wrong credentials and unknown applications alike, with WWW-Authenticate", async ({
    request,
  }) => {
    const wrong = `Basic ${Buffer.from("bandwidth-callbacks:wrong").toString("base64")}`;
    for (const [path, authorization] of [
      [url, undefined],
      [url, wrong],
      ["/api/webhooks/bandwidth/not-an-application", CALLBACK_AUTH],
    ] as const) {
      const response = await request.post(path, {
        headers: authorization ? { authorization } : {},
        data: [received(`bw-${Date.now()}`)],
      });
      expect(response.status()).toBe(401);
      expect(response.headers()["www-authenticate"]).toMatch(/^Basic/);
    }
  });

  test("answers bad bodies with clear 4xx errors", async ({ request }) => {
    const headers = { authorization: CALLBACK_AUTH };
    const notJson = await request.post(url, {
      headers: { ...headers, "content-type": "application/json" },
      data: Buffer.from("{not json"),
    });
    expect(notJson.status()).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: "invalid_json" } });
    const wrongType = await request.post(url, { headers: { ...headers, "content-type": "text/plain" }, data: "hello" });
    expect(wrongType.status()).toBe(415);
    const huge = await request.post(url, {
      headers: { ...headers, "content-type": "application/json" },
      data: JSON.stringify([{ type: "message-received", padding: "x".repeat(1_100_000) }]),
    });
    expect(huge.status()).toBe(413);
    const empty = await request.post(url, { headers, data: [] });
    expect(empty.status()).toBe(400);
  });

  test("stores the valid elements of a batch and logs the malformed ones, answering 200", async ({ request }) => {
    const id = `bw-batch-${Date.now()}`;
    const response = await request.post(url, {
      headers: { authorization: CALLBACK_AUTH },
      data: [
        received(id),
        { type: "message-delivered", to: SUPPORT_LINE },
        { nonsense: true },
        { type: "message-read", to: SUPPORT_LINE, time: "x", message: { id } },
      ],
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ received: 4, outcomes: { applied: 1, rejected: 2, ignored: 1 } });
    expect(await sql(`SELECT 1 FROM messages WHERE bandwidth_message_id = $1`, [id])).toHaveLength(1);
  });

  test("accepts a single object as well as an array, and a repeat changes nothing", async ({ request }) => {
    const event = received(`bw-single-${Date.now()}`);
    const first = await request.post(url, { headers: { authorization: CALLBACK_AUTH }, data: event });
    expect(await first.json()).toMatchObject({ outcomes: { applied: 1 } });
    const again = await request.post(url, { headers: { authorization: CALLBACK_AUTH }, data: [event] });
    expect(again.status()).toBe(200);
    expect(await again.json()).toMatchObject({ outcomes: { duplicate: 1 } });
    expect(await sql(`SELECT 1 FROM messages WHERE bandwidth_message_id = $1`, [event.message.id])).toHaveLength(1);
  });
});

test.describe("sending through the API", () => {
  test.use({ storageState: "e2e/.auth/agent.json" });

  test("answers bad input with clear 4xx JSON", async ({ request }) => {
    const cases: Array<[unknown, number, string]> = [
      [{ from: SUPPORT_LINE, to: "+15555550001", text: "hi", bcc: "x" }, 400, "invalid_request"],
      [{ from: SUPPORT_LINE, to: [], text: "hi" }, 400, "invalid_request"],
      [{ from: "+15550000000", to: "+15555550001", text: "hi" }, 422, "unprocessable"],
      [{ from: "+18885550100", to: ["+15555550001", "+15555550002"], text: "hi" }, 422, "unprocessable"],
      [
        { from: SUPPORT_LINE, to: Array.from({ length: 11 }, (_, i) => `+1555555010${i}`), text: "hi" },
        422,
        "unprocessable",
      ],
    ];
    for (const [data, status, code] of cases) {
      const response = await request.post("/api/messages", { data });
      expect(response.status(), JSON.stringify(data)).toBe(status);
      expect(await response.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    }
    const notJson = await request.post("/api/messages", {
      headers: { "content-type": "application/json" },
      data: Buffer.from("{"),
    });
    expect(notJson.status()).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: "invalid_json" } });
    const wrongType = await request.post("/api/messages", {
      headers: { "content-type": "text/plain" },
      data: Buffer.from("hi"),
    });
    expect(wrongType.status()).toBe(415);
  });
});

test("an anonymous send gets 401", async ({ request }) => {
  const response = await request.post("/api/messages", {
    data: { from: SUPPORT_LINE, to: "+15555550001", text: "hi" },
  });
  expect(response.status()).toBe(401);
});

test.describe("the admin area", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("shows when each application's last callback arrived and what became of it", async ({ page, request }) => {
    await request.post(url, { headers: { authorization: CALLBACK_AUTH }, data: [received(`bw-admin-${Date.now()}`)] });
    await page.goto("/admin");
    const row = page.getByRole("row").filter({ hasText: APPLICATION_ID });
    await expect(row).toContainText("message-received applied");
  });
});
