import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { clearFaults, customer, setFaults, SUPPORT_LINE } from "./support/sandbox";

test.use({ storageState: "e2e/.auth/admin.json" });
test.afterEach(async () => {
  await clearFaults();
});

test("a status whose callbacks never came is learned from Bandwidth's records when an admin checks now", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000); // the run waits for the job queue, then pages List Messages
  const to = customer();
  // Bandwidth gives up on every callback of this recipient's messages, for good.
  await setFaults({ dropCallbacks: { numbers: [to] } });
  const sent = await page.request.post("/api/messages", {
    data: { from: SUPPORT_LINE, to, text: `Your order is ready ${Date.now()}` },
  });
  expect(sent.status()).toBe(202);
  const { message } = (await sent.json()) as { message: { id: string; conversationId: string } };

  await page.goto(`/conversations/${message.conversationId}`);
  await expect(page.getByText("Status from Bandwidth's records", { exact: false })).toHaveCount(0);

  // Older than CATCH_UP_OUTBOUND_AFTER_SECONDS (5 s in the test server) before the check.
  await page.waitForTimeout(6_000);
  await page.goto("/admin/catch-up");
  await expect(page.getByText("No run yet.").or(page.getByRole("table"))).toBeVisible();
  await page.getByRole("button", { name: "Check now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Queued|already waiting/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /[1-9]\d* learned of \d+ looked up/ }).first()).toBeVisible({
    timeout: 60_000,
  });
  await expectNoSeriousA11yIssues(page, "catch-up runs");
  await saveScreen(page, testInfo, "catch-up-runs");

  await page.goto(`/conversations/${message.conversationId}`);
  await expect(page.getByText(/Status from Bandwidth's records \(its callback never came\)/)).toBeVisible();
  await saveScreen(page, testInfo, "catch-up-status-from-records");
  const thread = await page.request.get(`/api/conversations/${message.conversationId}/messages`);
  const body = (await thread.json()) as { messages: Array<{ id: string; status: string }> };
  expect(body.messages.find((entry) => entry.id === message.id)?.status).toBe("delivered");
});

test("only admins may ask for a run, from this site", async ({ browser, baseURL }) => {
  const agent = await browser.newContext({ storageState: "e2e/.auth/agent.json" });
  try {
    const refused = await agent.request.post("/api/admin/catch-up", { headers: { origin: baseURL! } });
    expect(refused.status()).toBe(403);
  } finally {
    await agent.close();
  }
  const crossSite = await fetch(`${baseURL}/api/admin/catch-up`, {
    method: "POST",
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status).toBeGreaterThanOrEqual(400);
  expect(crossSite.status).toBeLessThan(500);
});
