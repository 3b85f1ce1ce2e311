import { expect, test, type Page } from "@playwright/test";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { saveScreen } from "./support/screens";
import { sql } from "./support/users";

// Issue 16, points 1, 2 and 12: every screen fits a phone, the thread keeps its newest message in
// sight as the composer grows, and the keyboard gets to a conversation's reply box in a few keys.
test.use({ storageState: "e2e/.auth/admin.json" });
test.describe.configure({ timeout: 120_000 });

const list = (page: Page) => page.getByRole("list", { name: "Conversations" });

/** A customer texts the support line; the conversation's id once stored. */
async function newConversation(text: string, from = customer()): Promise<string> {
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text } });
  let id = "";
  await expect
    .poll(async () => {
      const rows = await sql<{ id: string }>(
        "SELECT id::text FROM conversations WHERE owner_number = $1 AND participants_key = $2",
        [SUPPORT_LINE, from],
      );
      id = rows[0]?.id ?? "";
      return id;
    })
    .not.toBe("");
  return id;
}

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

for (const scheme of ["light", "dark"] as const) {
  test(`no screen scrolls sideways at 360 px (${scheme})`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 360, height: 780 });
    // A group with a long title, so the longest row and header are on screen.
    const group = Array.from({ length: 9 }, () => customer());
    await sandbox("/sandbox/inbound", {
      body: { from: group[0], to: [SUPPORT_LINE, ...group.slice(1)], text: `Group at phone width ${Date.now()}` },
    });
    const one = await newConversation(`Phone width ${Date.now()} https://example.com/a-very-long-link-that-goes-on`);
    await page.goto("/conversations?view=open");
    await expect(list(page).locator("[data-conversation-link]").first()).toBeVisible();
    const groupHref = await list(page)
      .locator("[data-conversation-link]", { hasText: "Group" })
      .first()
      .getAttribute("href");
    const screens = [
      "/conversations?view=open",
      `/conversations/${one}?view=open`,
      groupHref ?? "/conversations",
      "/conversations/new",
      "/saved-replies",
      "/account",
      "/admin",
      "/admin/opt-outs",
      "/admin/audit",
      "/admin/catch-up",
    ];
    for (const path of screens) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await sideways(page), `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
    }
    await page.goto("/admin");
    await saveScreen(page, testInfo, `layout-admin-360-${scheme}`);
  });
}

test("admin tables are cards on a phone: the callback URL has the width of the screen", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/admin");
  const url = page.getByText(/\/api\/webhooks\/bandwidth\//).first();
  await expect(url).toBeVisible();
  const box = (await url.boundingBox())!;
  // A column a few characters wide broke it every few letters; a card gives it most of the screen.
  expect(box.width).toBeGreaterThan(200);
  expect(box.height).toBeLessThan(80);
  await saveScreen(page, testInfo, "layout-admin-cards-360");
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("columnheader", { name: "Callback URL" })).toBeVisible();
});

test("the new-message screen has a way back to the list on a phone", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/conversations?view=open");
  await page.getByRole("link", { name: "New message" }).click();
  await expect(page).toHaveURL(/\/conversations\/new\?view=open$/);
  await saveScreen(page, testInfo, "layout-new-message-360");
  await page.getByRole("link", { name: "← All conversations" }).click();
  await expect(page).toHaveURL(/\/conversations\?view=open$/);
  await expect(list(page)).toBeVisible();
});

test("the thread keeps its newest message in sight when the composer grows", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const text = `Bottom ${Date.now()}`;
  const from = customer();
  const id = await newConversation(`${text} first`, from);
  // Enough messages that the thread scrolls.
  for (let index = 0; index < 12; index += 1) {
    await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text: `${text} line ${index}` } });
  }
  await page.goto(`/conversations/${id}?view=open`);
  // The line under the newest message (its time, and for ours the status).
  const newest = page
    .getByRole("list", { name: "Messages" })
    .locator("[data-message-id]")
    .filter({ hasText: `${text} line 11` })
    .last()
    .getByText(/^\d{1,2}:\d\d [AP]M$/);
  await expect(newest).toBeInViewport({ ratio: 1 });
  // A long draft makes the reply box grow (it grows with its text).
  await page
    .getByRole("textbox", { name: "Message", exact: true })
    .fill(Array.from({ length: 8 }, (_, line) => `Draft line ${line}`).join("\n"));
  await expect(newest).toBeInViewport({ ratio: 1 });
  await saveScreen(page, testInfo, "layout-thread-composer-grown-360");
});

test("skip links and Enter reach the reply box in a few keys", async ({ page }) => {
  const text = `Skip ${Date.now()}`;
  const id = await newConversation(text);
  await page.goto(`/conversations/${id}?view=open`);
  const composer = page.getByRole("textbox", { name: "Message", exact: true });
  await expect(composer).toBeVisible();
  // The first Tab stops are the skip links.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to the conversation list" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to the conversation", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  const toReply = page.getByRole("link", { name: "Skip to the reply box" });
  await expect(toReply).toBeFocused();
  await expect(toReply).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(composer).toBeFocused();

  // Enter on a row of the list opens the conversation with the reply box in focus.
  await page.goto("/conversations?view=open");
  await page.getByLabel("Search conversations").fill(text);
  await expect(list(page).locator("[data-conversation-link]")).toHaveCount(1);
  await list(page).locator("[data-conversation-link]").first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/conversations/${id}`));
  await expect(composer).toBeFocused();
});

test("a conversation on a number that is no longer ours says so in the reply box before anyone types", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const participant = customer();
  const [row] = await sql<{ id: string }>(
    `INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, created_at, updated_at)
     VALUES (gen_random_uuid(), '+19195550177', ARRAY[$1], $1, false, now(), now(), now()) RETURNING id::text`,
    [participant],
  );
  await sql(
    `INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, created_at, updated_at)
     VALUES (gen_random_uuid(), $1::uuid, 'INBOUND', $2, ARRAY['+19195550177'], 'From a number we gave up', 'received', now(), now())`,
    [row?.id, participant],
  );
  await page.goto(`/conversations/${row?.id}`);
  await expect(
    page.getByText("Replies are off here: (919) 555-0177 is not one of our numbers any more."),
  ).toBeVisible();
  const composer = page.getByRole("textbox", { name: "Message", exact: true });
  await expect(composer).toBeDisabled();
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  // Notes still work there.
  await page.getByText("Note", { exact: true }).click();
  await expect(page.getByRole("textbox", { name: "Internal note" })).toBeEnabled();
  await saveScreen(page, testInfo, "layout-cannot-reply-360");
});

test("a link clicked before the inbox has chosen its view still goes where it leads", async ({ page }) => {
  // The counts (which choose the default view) arrive while the click's navigation is still
  // loading: writing the view into the address then used to cancel the navigation.
  await page.route("**/api/conversations/counts*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.route("**/account**", async (route) => {
    if (route.request().headers()["rsc"]) await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto("/conversations");
  await page.getByRole("link", { name: "Account", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/, { timeout: 8_000 });
  await page.waitForTimeout(1_500);
  await expect(page).toHaveURL(/\/account$/);
});
