import { expect, test } from "@playwright/test";
import { failingWith, format, picture, PHONE, send } from "./support/inbox-review";
import { saveScreen } from "./support/screens";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { sql } from "./support/users";

// Issue 16, as agents meet the inbox: partial delivery, retries that make sense, text-less
// messages, the MMS counter, links and errors in words. Phone width (360 px) where the point is
// about what an agent sees in the thread. The rest (forms, badges, light and dark):
// inbox-review-pages.spec.ts.

test.use({ storageState: "e2e/.auth/agent.json" });

test("a group message delivered to 2 of 3 says so; the failure is explained, retried once, and says where it went (360 px)", async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  await page.setViewportSize(PHONE);
  const failing = failingWith(5500); // "General Message Send Failure": retryable
  const text = `Your parcels leave today ${Date.now()}`;
  const message = await send(page, { to: [customer(), customer(), failing], text });

  await page.goto(`/conversations/${message.conversationId}?view=open`);
  const bubble = page.locator(`[data-message-id="${message.id}"]`);
  await expect(bubble.locator("[data-partial-delivery]")).toHaveText("Delivered to 2 of 3", { timeout: 20_000 });
  await expect(bubble.getByRole("img", { name: "Delivered to 2 of 3" })).toBeVisible();
  await expect(bubble.getByRole("img", { name: "Failed" })).toHaveCount(1); // the one recipient, not the message
  await expect(bubble).toContainText(`Not delivered to ${format(failing)}: General Message Send Failure (error 5500)`);
  await saveScreen(page, testInfo, "inbox-review-partial-delivery-phone");

  // Retry once: the button becomes where it went.
  const retry = bubble.getByRole("button", { name: `Retry ${format(failing)}` });
  const answer = page.waitForResponse((r) => r.url().includes("/retry") && r.request().method() === "POST");
  await retry.click();
  expect((await answer).status()).toBe(202);
  const where = bubble.locator("[data-retried-as]");
  await expect(where).toContainText(`Sent separately to ${format(failing)}: open`);
  await expect(retry).toHaveCount(0);
  await saveScreen(page, testInfo, "inbox-review-retried-phone");

  // Persisted: after a reload too; a second retry (another tab, a double click) is refused, saying where.
  await page.reload();
  await expect(bubble.locator("[data-retried-as]")).toContainText(`Sent separately to ${format(failing)}: open`);
  await expect(bubble.getByRole("button", { name: /^Retry/ })).toHaveCount(0);
  const again = await page.request.post(`/api/messages/${message.id}/retry`, { data: {} });
  expect(again.status()).toBe(409);
  const refusal = (await again.json()) as {
    error: { message: string; details: { retries: Array<{ phoneNumber: string; conversationId: string }> } };
  };
  expect(refusal.error.message).toBe(`Already sent separately to ${format(failing)}.`);
  expect(refusal.error.details.retries[0]?.phoneNumber).toBe(failing);

  await bubble.getByRole("link", { name: `Open the separate conversation with ${format(failing)}` }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${refusal.error.details.retries[0]?.conversationId}`));
  await expect(page.getByRole("list", { name: "Messages" }).getByText(text)).toBeVisible();

  // The list says it too, not a red "Failed".
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/conversations?view=open");
  const row = page
    .getByRole("list", { name: "Conversations" })
    .getByRole("link")
    .filter({ hasText: "Delivered to 2 of 3" });
  await expect(row.first()).toContainText(`You: Delivered to 2 of 3 · ${text}`);
  await expect(row.first().getByRole("img", { name: "Delivered to 2 of 3" })).toBeVisible();
  await saveScreen(page, testInfo, "inbox-review-partial-delivery-list");
});

test("retry is offered only where a retry can help; otherwise the agent is told what to do", async ({
  page,
}, testInfo) => {
  await page.setViewportSize(PHONE);
  const refused = failingWith(4432); // Messaging to country forbidden: sending again fails the same way
  const message = await send(page, { to: refused, text: `Opening hours ${Date.now()}` });
  await page.goto(`/conversations/${message.conversationId}?view=open`);
  const bubble = page.locator(`[data-message-id="${message.id}"]`);
  await expect(bubble.locator(`li[data-recipient="${refused}"]`)).toHaveAttribute("data-status", "failed", {
    timeout: 20_000,
  });
  await expect(bubble).toContainText("Sending the same message again will fail the same way");
  await expect(bubble.getByRole("button", { name: /^Retry/ })).toHaveCount(0);
  const forced = await page.request.post(`/api/messages/${message.id}/retry`, { data: {} });
  expect(forced.status()).toBe(422);
  await saveScreen(page, testInfo, "inbox-review-no-retry-for-permanent-error-phone");
});

test("a message without text says what it was, in the thread and the list; the counter says MMS; the viewer opens on Close", async ({
  page,
}, testInfo) => {
  const upload = await page.request.post("/api/uploads?name=receipt.png", {
    headers: { "content-type": "image/png" },
    data: await picture(),
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { upload: file } = (await upload.json()) as { upload: { id: string } };
  const to = customer();
  const message = await send(page, { to, mediaIds: [file.id] });

  await page.setViewportSize(PHONE);
  await page.goto(`/conversations/${message.conversationId}?view=open`);
  const bubble = page.locator(`[data-message-id="${message.id}"]`);
  await expect(bubble.locator("[data-message-gist]")).toHaveText("Picture");
  await saveScreen(page, testInfo, "inbox-review-picture-only-phone");

  // The viewer opens with focus on Close, not Download.
  await bubble.getByRole("button", { name: "Open receipt.png full size" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.getByRole("dialog").getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Escape");

  // With an attachment the counter says one MMS and nothing about segments.
  await page.locator("#composer-files").setInputFiles({
    name: "map.png",
    mimeType: "image/png",
    buffer: await picture(),
  });
  await page.getByRole("textbox", { name: "Message", exact: true }).fill("Here is the map");
  const counter = page.getByTestId("segment-counter");
  await expect(counter).toContainText("With attachments: sent as one MMS.");
  await expect(counter).not.toContainText("segment");
  await saveScreen(page, testInfo, "inbox-review-mms-counter-phone");

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/conversations?view=open");
  const list = page.getByRole("list", { name: "Conversations" });
  await expect(
    list
      .getByRole("link")
      .filter({ hasText: format(to) })
      .first(),
  ).toContainText("You: Picture");

  // Sent outside Switchboard, without text: the bubble and the list say so (no bare "You:").
  const [external] = await sql<{ id: string }>(
    `INSERT INTO messages (id, conversation_id, direction, origin, "from", "to", text, status, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, 'OUTBOUND', 'EXTERNAL', $2, ARRAY[$3::text], '', 'sent', now(), now()) RETURNING id::text`,
    [message.conversationId, SUPPORT_LINE, to],
  );
  await sql(`UPDATE conversations SET last_message_id = $1, last_message_at = now() WHERE id = $2`, [
    external?.id,
    message.conversationId,
  ]);
  await page.reload();
  const row = list
    .getByRole("link")
    .filter({ hasText: format(to) })
    .first();
  await expect(row).toContainText("No text — sent outside Switchboard");
  await expect(row).not.toContainText("You:");
  await page.goto(`/conversations/${message.conversationId}?view=open`);
  await expect(page.locator(`[data-message-id="${external?.id}"] [data-message-gist]`)).toHaveText(
    "No text — sent outside Switchboard",
  );
  await saveScreen(page, testInfo, "inbox-review-sent-outside-no-text");
});

test("links and phone numbers in messages are clickable, and nothing else is", async ({ page }, testInfo) => {
  const from = customer();
  const text = `See https://example.com/track?id=7. Or call (919) 555-0123. Not javascript:alert(1) nor example.org ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text } });
  await page.goto("/conversations?view=open");
  await page
    .getByRole("list", { name: "Conversations" })
    .getByRole("link")
    .filter({ hasText: "track?id=7" })
    .first()
    .click();
  const bubble = page.locator("[data-message-id]").filter({ hasText: "track?id=7" });
  const web = bubble.getByRole("link", { name: "https://example.com/track?id=7" });
  await expect(web).toHaveAttribute("href", "https://example.com/track?id=7");
  await expect(web).toHaveAttribute("target", "_blank");
  await expect(web).toHaveAttribute("rel", "noopener noreferrer");
  await expect(bubble.getByRole("link", { name: "(919) 555-0123" })).toHaveAttribute("href", "tel:+19195550123");
  await expect(bubble.getByRole("link")).toHaveCount(2);
  await saveScreen(page, testInfo, "inbox-review-links");
});

test("errors read as words: a network failure, a bad number, a toll-free group", async ({ page }, testInfo) => {
  const message = await send(page, { to: customer(), text: `Hello ${Date.now()}` });
  await page.goto(`/conversations/${message.conversationId}?view=open`);
  await page.route("**/api/messages", (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  const box = page.getByRole("textbox", { name: "Message", exact: true });
  await box.fill("Are you there?");
  await box.press("Enter");
  await expect(
    page.getByText("Not sent: Switchboard could not be reached. Check your connection and try again."),
  ).toBeVisible();
  await expect(page.getByText("Failed to fetch")).toHaveCount(0);
  await saveScreen(page, testInfo, "inbox-review-network-failure");
  await page.unroute("**/api/messages");

  await page.goto("/conversations/new");
  await page.getByLabel("From").selectOption("+18885550100");
  const to = page.getByLabel("To", { exact: true });
  await to.fill(customer());
  await to.press("Enter");
  await to.fill(customer());
  await to.press("Enter");
  await expect(page.locator("#recipient-problem")).toContainText("(888) 555-0100 is a toll-free number");
  await expect(page.locator("#recipient-problem")).not.toContainText("+18885550100");
  await saveScreen(page, testInfo, "inbox-review-toll-free-formatted");
});
