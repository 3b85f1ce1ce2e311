import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { sql } from "./support/users";

test.use({ storageState: "e2e/.auth/agent.json" });

const photo = (colour: string, width = 960, height = 720) =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><rect x="${width / 4}" y="${height / 4}" width="${width / 2}" height="${height / 2}" fill="#f8fafc"/></svg>`,
        ),
      },
    ])
    .png()
    .toBuffer()
    .then((buffer) => buffer.toString("base64"));

test("an inbound group MMS appears live with thumbnails; the agent replies; per-recipient status turns live; the failed one is explained, with what to do instead of a retry that would fail", async ({
  page,
}, testInfo) => {
  await page.goto("/conversations?view=open");
  await expect(page.locator("[data-live=live]")).toBeVisible();
  const from = customer();
  const friend = customer();
  // Fails with 4432 like every number ending in 4432 (not the seeded +15555554432, which other specs read).
  const failing = "+15551234432";
  const text = `Photos of the dented boxes ${Date.now()}`;
  await sandbox("/sandbox/inbound", {
    body: {
      from,
      to: [SUPPORT_LINE, friend, failing],
      text,
      media: [
        { filename: "box-1.png", contentType: "image/png", base64: await photo("#b45309") },
        { filename: "box-2.png", contentType: "image/png", base64: await photo("#0f766e") },
      ],
    },
  });
  // Live, without a reload.
  const item = page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text });
  await expect(item).toBeVisible({ timeout: 5_000 });
  await expect(item).toContainText("Group ·");
  await expect(item.getByLabel("1 unread")).toBeVisible();
  await saveScreen(page, testInfo, "inbox-live-new-group-mms");

  await item.click();
  await expect(page.getByText("Group of 3")).toBeVisible();
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread.getByText(text)).toBeVisible();
  await expect(thread.getByRole("list", { name: "Attachments" }).getByRole("listitem")).toHaveCount(2);
  // The files are copied from Bandwidth by a job; the thumbnails replace the placeholders live.
  for (const name of ["box-1.png", "box-2.png"]) {
    const thumbnail = thread.getByRole("button", { name: `Open ${name} full size` }).getByRole("img");
    await expect(thumbnail).toBeVisible({ timeout: 10_000 });
    await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(640);
  }
  await saveScreen(page, testInfo, "inbox-live-group-mms-thumbnails");
  await expectNoSeriousA11yIssues(page, "conversation view");

  // Full size in the viewer; ← → move between the two; Esc closes.
  await thread.getByRole("button", { name: "Open box-1.png full size" }).click();
  const viewer = page.getByRole("dialog", { name: "box-1.png, 1 of 2" });
  await expect(viewer).toBeVisible();
  const full = viewer.getByRole("img", { name: "box-1.png" });
  await expect.poll(() => full.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(960);
  await saveScreen(page, testInfo, "inbox-live-media-viewer");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("dialog", { name: "box-2.png, 2 of 2" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.getByRole("textbox", { name: "Message", exact: true }).fill("Thanks, we are shipping replacements today.");
  await page.getByRole("textbox", { name: "Message", exact: true }).press("Enter");
  const reply = thread.getByRole("listitem").filter({ hasText: "shipping replacements" }).first();
  await expect(reply).toBeVisible();
  const breakdown = reply.getByRole("list", { name: "Delivery by recipient" });
  await expect(breakdown.locator("li[data-status=delivered]")).toHaveCount(2, { timeout: 15_000 });
  await expect(breakdown.locator(`li[data-recipient="${failing}"]`)).toHaveAttribute("data-status", "failed");
  await expect(
    reply.getByText(/Not delivered to \(555\) 123-4432: Messaging to country forbidden \(error 4432\)/),
  ).toBeVisible();
  await saveScreen(page, testInfo, "inbox-live-reply-delivered-and-failed");

  // 4432 is permanent: no Retry, the agent is told what to do instead (issue 16 point 4).
  await expect(reply).toContainText("Sending the same message again will fail the same way");
  await expect(reply.getByRole("button", { name: /^Retry/ })).toHaveCount(0);
  await saveScreen(page, testInfo, "inbox-live-permanent-failure-no-retry");
});

test("the composer counts segments and explains UCS-2", async ({ page }, testInfo) => {
  await page.goto("/conversations?view=open");
  await page
    .getByRole("list", { name: "Conversations" })
    .getByRole("link")
    .filter({ hasText: "Dana Whitfield" })
    .click();
  const composer = page.getByRole("textbox", { name: "Message", exact: true });
  const counter = page.getByTestId("segment-counter");
  await composer.fill("a".repeat(160));
  await expect(counter).toContainText("GSM-7 · 1 segment · 0 characters left");
  await composer.fill("a".repeat(161));
  await expect(counter).toContainText("GSM-7 · 2 segments");
  await composer.fill("We’ll be there at 10.");
  await expect(counter).toContainText("UCS-2 · 1 segment");
  await expect(counter).toContainText("“’” is not in the GSM-7 alphabet");
  await composer.fill("ж".repeat(71));
  await expect(counter).toContainText("UCS-2 · 2 segments");
  await expectNoSeriousA11yIssues(page, "composer");
  await saveScreen(page, testInfo, "composer-ucs2");
});

test("keyboard: / searches, j/k move, Enter opens", async ({ page }, testInfo) => {
  await page.goto("/conversations?view=open");
  await expect(page.getByRole("list", { name: "Conversations" }).getByRole("link").first()).toBeVisible();
  await expectNoSeriousA11yIssues(page, "conversation list");
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search conversations")).toBeFocused();
  await page.keyboard.type("Dana");
  await expect(page.getByRole("list", { name: "Conversations" }).getByRole("link")).toHaveCount(1);
  await page.getByLabel("Search conversations").fill("");
  const links = page.locator("[data-conversation-link]");
  await expect.poll(() => links.count()).toBeGreaterThan(2);
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(links.nth(0)).toBeFocused();
  const href = await links.nth(0).getAttribute("href");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === href);
  await saveScreen(page, testInfo, "keyboard-opened");
});

test("works at phone width", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/conversations?view=open");
  await page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: "Lee Park" }).click();
  await expect(page.getByText("Group of 3")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Message", exact: true })).toBeVisible();
  await saveScreen(page, testInfo, "phone-width-conversation");
});

test("a new conversation: recipient chips, toll-free group explained before sending, then sent", async ({
  page,
}, testInfo) => {
  await page.goto("/conversations?view=open");
  await page.getByRole("link", { name: "New message" }).click();
  await expect(page.getByRole("heading", { name: "New message" })).toBeVisible();
  // The default sender can text a group: a local number, not the toll-free line that sorts first.
  await expect(page.getByLabel("From")).toHaveValue("+19195550100");
  await page.getByLabel("From").selectOption("+18885550100");
  const to = page.getByLabel("To", { exact: true });
  const first = customer();
  const second = customer();
  await to.fill(first);
  await to.press("Enter");
  await to.fill("12");
  await to.press("Enter");
  await expect(page.locator("#recipient-problem")).toContainText("12 is not a phone number");
  await to.fill(second);
  await to.press(",");
  await expect(page.getByRole("list", { name: "Recipients" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.locator("#recipient-problem")).toContainText("toll-free number: it can text one person at a time");
  await page.getByLabel("Message", { exact: true }).fill("Your replacement ships today.");
  await expect(page.getByRole("button", { name: "Send to 2 people" })).toBeDisabled();
  await expectNoSeriousA11yIssues(page, "new conversation");
  await saveScreen(page, testInfo, "new-conversation-toll-free-group");
  await page.getByLabel("From").selectOption("+19195550100");
  await page.getByRole("button", { name: "Send to 2 people" }).click();
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}(\?view=[a-z]+)?$/);
  await expect(page.getByText("Group of 2")).toBeVisible();
  await expect(page.getByRole("list", { name: "Messages" }).getByText("Your replacement ships today.")).toBeVisible();
});

test("an agent names a participant and the name shows everywhere", async ({ page }) => {
  const from = customer();
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text: "Who is this?" } });
  await page.goto("/conversations?view=open");
  await page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: "Who is this?" }).click();
  await page.getByRole("button", { name: /^Name \(555\)/ }).click();
  await page.getByLabel(/^Name for/).fill("Jordan Ellis");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Jordan Ellis" })).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: "Who is this?" }),
  ).toContainText("Jordan Ellis");
});

test("a thread of 5,000 messages stays light: only the rows in view are in the page", async ({ page }, testInfo) => {
  const participant = customer();
  const [row] = await sql<{ id: string }>(
    `INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, ARRAY[$2], $2, false, now() - interval '1 day', now(), now()) RETURNING id::text`,
    [SUPPORT_LINE, participant],
  );
  await sql(
    `INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, created_at, updated_at)
     SELECT gen_random_uuid(), $1::uuid, 'INBOUND', $2, ARRAY[$3], 'Long thread message ' || i, 'received', now() - interval '1 day' - ((5000 - i) || ' minutes')::interval, now()
     FROM generate_series(1, 5000) AS i`,
    [row?.id, participant, SUPPORT_LINE],
  );
  await page.goto(`/conversations/${row?.id}`);
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread.getByText("Long thread message 5000", { exact: true })).toBeVisible();
  expect(await page.locator("[data-message-id]").count()).toBeLessThan(60);
  // Scrolling up loads older pages, and the page still holds only a window of rows.
  const scroller = page.getByTestId("thread-scroller");
  for (let step = 0; step < 6; step += 1) {
    await scroller.evaluate((element) => (element.scrollTop = 0));
    await page.waitForTimeout(400);
  }
  // Older pages arrived: messages from well before the newest page (4951–5000) are on screen.
  await expect(thread.getByText(/Long thread message ([1-3]\d{3}|4[0-8]\d\d)$/).first()).toBeVisible();
  expect(await page.locator("[data-message-id]").count()).toBeLessThan(60);
  await saveScreen(page, testInfo, "long-thread-scrolled-up");
});

test("while live updates are down the inbox says so and polls; they come back by themselves", async ({
  page,
}, testInfo) => {
  // The event stream fails (as during a server restart behind a proxy).
  await page.route("**/api/events", (route) => route.fulfill({ status: 502, body: "Bad Gateway" }));
  await page.goto("/conversations?view=open");
  await expect(page.getByRole("status").filter({ hasText: "Live updates are off" })).toBeVisible({ timeout: 10_000 });
  await saveScreen(page, testInfo, "live-updates-off");
  // Polling still brings new messages in.
  const text = `Arrived while live updates were off ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from: customer(), to: [SUPPORT_LINE], text } });
  await expect(
    page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text }),
  ).toBeVisible({ timeout: 12_000 });
  // The stream comes back (the server is up again): live without a reload.
  await page.unroute("**/api/events");
  await expect(page.locator("[data-live=live]")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("status").filter({ hasText: "Live updates are off" })).toHaveCount(0);
});
