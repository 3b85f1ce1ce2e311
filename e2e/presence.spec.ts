import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { ADMIN, AGENT, sql } from "./support/users";

// Collision: agents on the same conversation see each other viewing and replying, live (through
// PostgreSQL's notices), and a closed tab disappears at once (its beacon) rather than after the TTL.

test.use({ storageState: "e2e/.auth/admin.json" });

/** A fresh conversation on the support line, which every agent may see. */
async function newConversation(): Promise<string> {
  const from = customer();
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text: `Is anyone there? ${Date.now()}` } });
  await expect
    .poll(
      async () =>
        (await sql<{ id: string }>(`SELECT id::text FROM conversations WHERE $1 = ANY(participants)`, [from]))[0]?.id,
    )
    .toBeTruthy();
  const [row] = await sql<{ id: string }>(`SELECT id::text FROM conversations WHERE $1 = ANY(participants)`, [from]);
  return row!.id;
}

/**
 * Closes a page as a user closes a tab; its beacon removes that user's presence rows at once (a
 * row renewed in the last 10 s would otherwise live 20 s more than this waits).
 */
async function closeTab(page: Page, conversationId: string, email: string) {
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(
      async () => {
        const rows = await sql(
          `SELECT 1 FROM conversation_presence p JOIN users u ON u.id = p.user_id
         WHERE p.conversation_id = $1::uuid AND u.email = $2 AND p.expires_at > now()`,
          [conversationId, email],
        );
        return rows.length;
      },
      { timeout: 10_000 },
    )
    .toBe(0);
  await page.context().close();
}

async function open(browser: Browser, role: "admin" | "agent", conversationId: string, options = {}): Promise<Page> {
  const context = await browser.newContext({ storageState: `e2e/.auth/${role}.json`, ...options });
  const page = await context.newPage();
  await page.goto(`/conversations/${conversationId}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("[data-live=live]")).toBeVisible();
  return page;
}

test("agents on one conversation see each other viewing and replying; a closed tab leaves at once", async ({
  browser,
}, testInfo) => {
  test.setTimeout(60_000); // two browsers, an accessibility scan and the 5 s fall-back to "viewing"
  const conversationId = await newConversation();
  // Avery (admin) at phone width in dark mode; Sam (agent) on a desktop.
  const avery = await open(browser, "admin", conversationId, {
    viewport: { width: 360, height: 740 },
    colorScheme: "dark",
  });
  const presence = avery.locator("[data-presence]");
  await expect(presence).toHaveAttribute("data-presence", "alone");
  await expect(presence).toHaveText("");

  const sam = await open(browser, "agent", conversationId);
  await expect(presence).toHaveText("Sam is viewing", { timeout: 5_000 });
  await expect(presence).toHaveAttribute("role", "status");
  // Sam sees Avery too, and not themselves.
  await expect(sam.locator("[data-presence]")).toHaveText("Avery is viewing");
  await saveScreen(sam, testInfo, "presence-viewing-desktop");

  await sam.getByRole("textbox", { name: "Message", exact: true }).fill("On it, one moment");
  await expect(presence).toHaveText("Sam is replying…", { timeout: 5_000 });
  await expect(presence).toHaveAttribute("data-presence", "replying");
  await saveScreen(avery, testInfo, "presence-replying-phone-dark");
  expect(await avery.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectNoSeriousA11yIssues(avery, "conversation with someone else on it");

  // Input stops: back to viewing after a few seconds.
  await expect(presence).toHaveText("Sam is viewing", { timeout: 10_000 });

  // Sam closes the tab: the beacon says so, long before the row would lapse (30 s).
  await closeTab(sam, conversationId, AGENT.email);
  await expect(presence).toHaveText("", { timeout: 4_000 });
  await expect(presence).toHaveAttribute("data-presence", "alone");
  await closeTab(avery, conversationId, ADMIN.email);
});

test("the route takes a same-origin beacon and refuses a cross-site one", async ({ browser, baseURL }) => {
  const conversationId = await newConversation();
  const avery = await open(browser, "admin", conversationId);
  const presence = avery.locator("[data-presence]");
  const samContext = await browser.newContext({ storageState: "e2e/.auth/agent.json" });
  const sam = await samContext.newPage();
  await sam.goto("/conversations");
  const beacon = (page: Page, url: string, state: string, type = "application/json") =>
    page.evaluate(
      ({ url, state, type }) =>
        navigator.sendBeacon(url, new Blob([JSON.stringify({ tabId: "beacon-tab-0123456789", state })], { type })),
      { url, state, type },
    );
  const path = `/api/conversations/${conversationId}/presence`;

  // What the inbox sends when a tab closes: a POST with a JSON Blob, Origin and Sec-Fetch-Site set.
  const accepted = sam.waitForResponse((response) => response.url().endsWith(path));
  expect(await beacon(sam, path, "typing")).toBe(true);
  const answer = await accepted;
  expect(answer.status()).toBe(204);
  expect(await answer.request().headerValue("origin")).toBe(baseURL);
  await expect(presence).toHaveText("Sam is replying…", { timeout: 5_000 });
  expect(await beacon(sam, path, "left")).toBe(true);
  await expect(presence).toHaveText("", { timeout: 5_000 });

  // The same beacon from another site (127.0.0.1 is not localhost) is refused before the route.
  await sam.goto(baseURL!.replace("localhost", "127.0.0.1") + "/api/health");
  const refused = sam.waitForResponse((response) => response.url().endsWith(path));
  await beacon(sam, `${baseURL}${path}`, "typing", "text/plain");
  expect((await refused).status()).toBe(403);
  await expect(presence).toHaveText("");
  await samContext.close();
  await closeTab(avery, conversationId, ADMIN.email);
});

test("presence answers 400 or 404 for bad input, never 500", async ({ request, baseURL }) => {
  const conversationId = await newConversation();
  const put = (id: string, data: unknown, headers: Record<string, string> = {}) =>
    request.put(`/api/conversations/${id}/presence`, {
      headers: { origin: baseURL!, "content-type": "application/json", ...headers },
      data: typeof data === "string" ? data : JSON.stringify(data),
    });
  const tabId = "request-tab-0123456789";
  expect((await put(conversationId, { tabId, state: "viewing" })).status()).toBe(204);
  expect((await put(conversationId, { tabId, state: "away" })).status()).toBe(400);
  expect((await put(conversationId, { tabId: "x", state: "viewing" })).status()).toBe(400);
  expect((await put(conversationId, "{not json")).status()).toBe(400);
  expect((await put(conversationId, { tabId, state: "viewing" }, { "content-type": "text/plain" })).status()).toBe(415);
  expect((await put("not-a-uuid", { tabId, state: "viewing" })).status()).toBe(400);
  expect((await put("00000000-0000-4000-8000-000000000000", { tabId, state: "viewing" })).status()).toBe(404);
  expect((await request.get(`/api/conversations/00000000-0000-4000-8000-000000000000/presence`)).status()).toBe(404);
  const listed = await request.get(`/api/conversations/${conversationId}/presence`);
  expect(listed.status()).toBe(200);
  // This request's own presence is not listed to itself.
  expect(await listed.json()).toEqual({ presence: [] });
});
