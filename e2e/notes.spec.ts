import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { APP_URL, customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { AGENT, sql } from "./support/users";

// Two people at once: Avery (admin, this file's page) writes notes; Sam (agent) gets desktop
// notifications in a browser context of their own.
test.use({ storageState: "e2e/.auth/admin.json" });
test.describe.configure({ timeout: 120_000 });

type Recorded = { title: string; body: string; tag: string; url: string; closed: boolean };

declare global {
  interface Window {
    __notifications: Array<Recorded & { onclick: (() => void) | null }>;
    __permissionRequests: number;
  }
}

/**
 * Sam's browser: notifications allowed by the context, and window.Notification replaced by a
 * recorder (headless Chromium shows none) that says "default" until the page asked for permission
 * (kept in localStorage, as the browser would keep the answer), and counts the asking.
 */
async function samsBrowser(browser: Browser, options: { alreadyAllowed?: boolean } = {}) {
  const context = await browser.newContext({ storageState: "e2e/.auth/agent.json" });
  await context.grantPermissions(["notifications"], { origin: APP_URL });
  await context.addInitScript((allowed: boolean) => {
    const Real = window.Notification;
    if (allowed) localStorage.setItem("e2e:notifications", "asked");
    window.__notifications = [];
    window.__permissionRequests = 0;
    class RecordedNotification {
      title: string;
      body: string;
      tag: string;
      url: string;
      closed = false;
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        this.title = title;
        this.body = options.body ?? "";
        this.tag = options.tag ?? "";
        this.url = (options.data as { url?: string } | undefined)?.url ?? "";
        window.__notifications.push(this);
      }
      close() {
        this.closed = true;
      }
      static get permission() {
        return localStorage.getItem("e2e:notifications") === "asked" ? Real.permission : "default";
      }
      static requestPermission() {
        window.__permissionRequests += 1;
        localStorage.setItem("e2e:notifications", "asked");
        return Real.requestPermission();
      }
    }
    Object.defineProperty(window, "Notification", { value: RecordedNotification, configurable: true });
  }, options.alreadyAllowed ?? false);
  const page = await context.newPage();
  // Every kind on, no sound: whatever an earlier run left.
  const saved = await page.request.put("/api/me/notifications", {
    data: { assigned: true, unassigned: true, mentions: true, sound: false },
  });
  expect(saved.status()).toBe(200);
  return { context, page };
}

const notifications = (page: Page) =>
  page.evaluate(() =>
    window.__notifications.map(({ title, body, tag, url, closed }) => ({ title, body, tag, url, closed })),
  );

/** Clicks the recorded notification whose title matches, as the person would on their desktop. */
const clickNotification = (page: Page, title: string) =>
  page.evaluate((wanted) => {
    const found = window.__notifications.find((notification) => notification.title === wanted);
    if (!found?.onclick) throw new Error(`no clickable notification "${wanted}"`);
    found.onclick();
  }, title);

/** A new conversation on the support line: the customer writes first. */
async function newConversation(text: string, from = customer()) {
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text } });
  await expect
    .poll(
      async () =>
        (await sql<{ id: string }>(`SELECT conversation_id::text AS id FROM messages WHERE text = $1`, [text]))[0]?.id,
    )
    .toBeTruthy();
  const [row] = await sql<{ id: string }>(`SELECT conversation_id::text AS id FROM messages WHERE text = $1`, [text]);
  return { id: row?.id ?? "", from };
}

test("Avery mentions Sam in a note: Sam is notified, the click opens the conversation, the note shows in both threads", async ({
  page,
  browser,
}, testInfo) => {
  const sam = await samsBrowser(browser);
  const conversation = await newConversation(`My parcel never came ${Date.now()}`);

  // Sam turns desktop notifications on; the browser is asked then, not when the page loads.
  await sam.page.goto("/account");
  const settings = sam.page.getByRole("region", { name: "Notifications" });
  await expect(settings.getByRole("button", { name: "Turn on desktop notifications" })).toBeVisible();
  expect(await sam.page.evaluate(() => window.__permissionRequests)).toBe(0);
  await expect(settings.getByRole("checkbox", { name: "Mentions of me in internal notes" })).toBeChecked();
  await expectNoSeriousA11yIssues(sam.page, "notification settings, not yet on");
  await settings.getByRole("button", { name: "Turn on desktop notifications" }).click();
  await expect(settings.getByText("Desktop notifications are on in this browser.")).toBeVisible();
  expect(await sam.page.evaluate(() => window.__permissionRequests)).toBe(1);
  await settings.getByRole("button", { name: "Send a test notification" }).click();
  expect(await notifications(sam.page)).toContainEqual(
    expect.objectContaining({ title: "Switchboard test notification" }),
  );
  await expectNoSeriousA11yIssues(sam.page, "notification settings, on");
  await saveScreen(sam.page, testInfo, "notes-settings-on");

  // Sam goes back to the inbox (no conversation open) and stays there.
  await sam.page.goto("/conversations");
  await expect(sam.page.locator("[data-live=live]")).toBeVisible();

  // Avery opens the conversation, switches to a note with `n` and mentions Sam from the list.
  await page.goto(`/conversations/${conversation.id}`);
  await expect(page.locator("[data-live=live]")).toBeVisible();
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("n");
  const note = page.getByRole("textbox", { name: "Internal note" });
  await expect(note).toBeFocused();
  await expect(note).toHaveAttribute("placeholder", "Write an internal note — @ to mention");
  await expect(page.getByRole("button", { name: "Add note" })).toBeVisible();
  await expect(page.getByTestId("segment-counter")).toHaveCount(0);
  await note.pressSequentially("@sa");
  const suggestions = page.getByRole("listbox", { name: "Teammates to mention" });
  await expect(suggestions.getByRole("option", { name: AGENT.name })).toBeVisible();
  await expect(note).toHaveAttribute("aria-activedescendant", /.+/);
  await expectNoSeriousA11yIssues(page, "composer in note mode with the @ list open");
  await saveScreen(page, testInfo, "notes-mention-autocomplete");
  // While the list is open, Enter inserts the name; it does not add the note.
  await note.press("Enter");
  await expect(suggestions).toHaveCount(0);
  await expect(note).toHaveValue(`@${AGENT.name} `);
  const text = `can you call her back today? ${Date.now()}`;
  await note.pressSequentially(text);
  await note.press("Enter");
  await expect(note).toHaveValue("");

  const thread = page.getByRole("list", { name: "Messages" });
  const card = thread.getByRole("article", { name: "Internal note by Avery Admin" }).filter({ hasText: text });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Internal note");
  await expect(card.locator("mark")).toHaveText(`@${AGENT.name}`);
  await saveScreen(page, testInfo, "notes-note-in-thread");
  // Never sent to the customer, and no reply: nothing new among the messages.
  expect(await sql(`SELECT 1 FROM messages WHERE text LIKE $1`, [`%${text}%`])).toEqual([]);

  // Sam is notified; clicking the notification opens the conversation with the note.
  await expect
    .poll(() => notifications(sam.page))
    .toContainEqual(
      expect.objectContaining({
        title: "Avery Admin mentioned you",
        body: expect.stringContaining(`@${AGENT.name} ${text}`),
        url: `/conversations/${conversation.id}`,
      }),
    );
  await clickNotification(sam.page, "Avery Admin mentioned you");
  await expect(sam.page).toHaveURL(new RegExp(`/conversations/${conversation.id}(\\?view=[a-z]+)?$`));
  const samsCard = sam.page
    .getByRole("list", { name: "Messages" })
    .getByRole("article", { name: "Internal note by Avery Admin" })
    .filter({ hasText: text });
  await expect(samsCard).toBeVisible();
  await expect(samsCard.locator("mark")).toHaveText(`@${AGENT.name}`);
  expect((await notifications(sam.page)).find((n) => n.title === "Avery Admin mentioned you")?.closed).toBe(true);
  await saveScreen(sam.page, testInfo, "notes-note-seen-by-sam");
  await sam.context.close();
});

test("a customer writes in a conversation assigned to Sam: Sam is notified, but not while reading it", async ({
  page,
  browser,
}) => {
  const sam = await samsBrowser(browser, { alreadyAllowed: true });
  const conversation = await newConversation(`Hello? ${Date.now()}`);
  const [agent] = await sql<{ id: string }>(`SELECT id::text FROM users WHERE email = $1`, [AGENT.email]);
  const assigned = await page.request.patch(`/api/conversations/${conversation.id}`, {
    data: { assigneeId: agent?.id },
  });
  expect(assigned.status()).toBe(200);

  // The notifier's first answer marks where news starts: what arrives before it is not news.
  const firstFeed = sam.page.waitForResponse((response) => new URL(response.url()).pathname === "/api/notifications");
  await sam.page.goto("/conversations");
  await firstFeed;
  await expect(sam.page.locator("[data-live=live]")).toBeVisible();
  const again = `Is anyone there? ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from: conversation.from, to: [SUPPORT_LINE], text: again } });
  await expect
    .poll(async () => (await notifications(sam.page)).find((n) => n.body === again))
    .toMatchObject({ tag: `conversation:${conversation.id}`, url: `/conversations/${conversation.id}` });
  const title = (await notifications(sam.page)).find((n) => n.body === again)?.title ?? "";
  expect(title).not.toContain("unassigned");
  await clickNotification(sam.page, title);
  await expect(sam.page).toHaveURL(new RegExp(`/conversations/${conversation.id}(\\?view=[a-z]+)?$`));
  await expect(sam.page.getByRole("list", { name: "Messages" }).getByText(again)).toBeVisible();
  // The inbox reconnects its live stream on each page: wait for it before the next message.
  await expect(sam.page.locator("[data-live=live]")).toBeVisible();

  // Sam reads it now: the next message shows in the thread, with no notification.
  const third = `Thanks, I see you typing ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from: conversation.from, to: [SUPPORT_LINE], text: third } });
  await expect(sam.page.getByRole("list", { name: "Messages" }).getByText(third)).toBeVisible();
  await sam.page.waitForTimeout(1_500);
  expect((await notifications(sam.page)).map((n) => n.body)).not.toContain(third);
  await sam.context.close();
});

for (const scheme of ["light", "dark"] as const) {
  test(`note mode and notification settings at 360 px, ${scheme}`, async ({ page, browser }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 360, height: 760 });
    const conversation = await newConversation(`Phone-width note ${scheme} ${Date.now()}`);
    await page.goto(`/conversations/${conversation.id}`);
    await page
      .getByRole("group", { name: "Write a reply or an internal note" })
      .getByText("Note", { exact: true })
      .click();
    await expect(page.getByRole("radio", { name: "Note" })).toBeChecked();
    const note = page.getByRole("textbox", { name: "Internal note" });
    await expect(note).toBeFocused();
    await note.pressSequentially("Checked the depot. @");
    await expect(page.getByRole("listbox", { name: "Teammates to mention" })).toBeVisible();
    await expectNoWideScroll(page);
    await expectNoSeriousA11yIssues(page, `note mode, 360 px, ${scheme}`);
    await saveScreen(page, testInfo, `notes-composer-360-${scheme}`);
    await note.press("Escape");
    await expect(page.getByRole("listbox", { name: "Teammates to mention" })).toHaveCount(0);
    await note.pressSequentially("Sam Agent will call.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("article").filter({ hasText: "Sam Agent will call." })).toBeVisible();
    await expectNoWideScroll(page);
    await saveScreen(page, testInfo, `notes-thread-360-${scheme}`);

    const sam = await samsBrowser(browser);
    await sam.page.emulateMedia({ colorScheme: scheme });
    await sam.page.setViewportSize({ width: 360, height: 760 });
    await sam.page.goto("/account");
    await expect(sam.page.getByRole("button", { name: "Turn on desktop notifications" })).toBeVisible();
    await expectNoWideScroll(sam.page);
    await expectNoSeriousA11yIssues(sam.page, `notification settings, 360 px, ${scheme}`);
    await saveScreen(sam.page, testInfo, `notes-settings-360-${scheme}`);
    await sam.context.close();
  });
}

async function expectNoWideScroll(page: Page) {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
}
