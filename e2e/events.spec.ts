import { expect, test } from "@playwright/test";
import { APP_URL, cookieHeader, customer, sandbox, SUPPORT_LINE } from "./support/sandbox";

test("GET /api/events streams a change when a message arrives", async () => {
  const controller = new AbortController();
  const response = await fetch(`${APP_URL}/api/events`, {
    headers: { cookie: cookieHeader("e2e/.auth/agent.json") },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const readUntil = async (pattern: RegExp) => {
    const deadline = Date.now() + 15_000;
    while (!pattern.test(text)) {
      if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${text}`);
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      text += decoder.decode(value, { stream: true });
    }
  };
  try {
    await readUntil(/event: ready/);
    await sandbox("/sandbox/inbound", { body: { from: customer(), to: [SUPPORT_LINE], text: "live?" } });
    await readUntil(/event: changes\ndata: \[.*"kind":"message.created"/);
  } finally {
    controller.abort();
  }
});

test("GET /api/events needs a signed-in user", async ({ request }) => {
  expect((await request.get("/api/events")).status()).toBe(401);
});
