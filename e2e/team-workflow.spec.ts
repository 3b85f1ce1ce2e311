import { expect, test, type Browser, type Page } from "@playwright/test";
import { APP_URL, customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { saveScreen } from "./support/screens";
import { ADMIN, AGENT, sql } from "./support/users";

// The team inbox end to end, as two people work it at once: Avery (admin, this file's page) hands a
// conversation to Sam (agent, a browser of their own with desktop notifications), and everything
// each does reaches the other live.
test.use({ storageState: "e2e/.auth/admin.json" });
test.describe.configure({ timeout: 180_000 });

declare global {
  interface Window {
    __shown: Array<{ title: string; url: string; onclick: (() => void) | null }>;
  }
}

/** Sam's browser: notifications allowed, and recorded (headless Chromium shows none). */
async function samsBrowser(browser: Browser) {
  const context = await browser.newContext({ storageState: "e2e/.auth/agent.json" });
  await context.grantPermissions(["notifications"], { origin: APP_URL });
  await context.addInitScript(() => {
    window.__shown = [];
    class Recorded {
      static permission = "granted";
      static requestPermission = () => Promise.resolve("granted");
      onclick: (() => void) | null = null;
      constructor(
        public title: string,
        options: NotificationOptions = {},
      ) {
        window.__shown.push(
          Object.assign(this, { url: (options.data as { url?: string } | undefined)?.url ?? "" }) as never,
        );
      }
      close() {}
    }
    Object.defineProperty(window, "Notification", { value: Recorded, configurable: true });
  });
  const page = await context.newPage();
  const saved = await page.request.put("/api/me/notifications", {
    data: { assigned: true, unassigned: false, mentions: true, sound: false },
  });
  expect(saved.status()).toBe(200);
  return { context, page };
}

const viewLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: new RegExp(`^${name} \\d+$`) });
const mineCount = async (page: Page) => Number((await viewLink(page, "Mine").innerText()).replace(/\D/g, ""));
const rowOf = (page: Page, text: string) =>
  page.getByRole("list", { name: "Conversations" }).getByRole("listitem").filter({ hasText: text });
const status = (page: Page) => page.getByTestId("conversation-status");

async function localTime(page: Page, msAhead: number): Promise<string> {
  return page.evaluate((ahead) => {
    const at = new Date(Date.now() + ahead);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  }, msAhead);
}

test("Avery assigns to Sam, Sam replies with a saved reply, closes, is told of a mention, snoozes; each sees the other live", async ({
  page,
  browser,
}, testInfo) => {
  const from = customer();
  const opening = `Where is my order? ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text: opening } });
  await expect
    .poll(
      async () =>
        (await sql<{ id: string }>("SELECT conversation_id::text AS id FROM messages WHERE text = $1", [opening]))[0]
          ?.id,
    )
    .toBeTruthy();
  const [{ id } = { id: "" }] = await sql<{ id: string }>(
    "SELECT conversation_id::text AS id FROM messages WHERE text = $1",
    [opening],
  );

  // Sam works from Mine, with a saved reply of their own.
  const sam = await samsBrowser(browser);
  const name = `Order check ${Date.now().toString(36)}`;
  const created = await sam.page.request.post("/api/saved-replies", {
    headers: { origin: APP_URL },
    data: { name, body: "Hi, {{agent.first_name}} here from {{our_number}}: your order is on its way." },
  });
  expect(created.status()).toBe(201);

  await sam.page.goto("/conversations?view=mine");
  await expect(sam.page.locator("[data-live=live]")).toBeVisible();
  await expect(viewLink(sam.page, "Mine")).toBeVisible();
  const mineBefore = await mineCount(sam.page);
  const titleBefore = await sam.page.title();

  // Avery assigns it to Sam with the picker.
  await page.goto(`/conversations/${id}`);
  await expect(page.locator("[data-live=live]")).toBeVisible();
  await page.getByRole("button", { name: "Assignee: nobody. Change" }).click();
  await page.getByRole("combobox", { name: "Find a teammate" }).fill("sam");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: `Assignee: ${AGENT.name}. Change` })).toBeVisible();

  // Sam sees it in Mine, live: the row, the count and the title (it has an unread message).
  await expect(rowOf(sam.page, opening)).toBeVisible();
  await expect(viewLink(sam.page, "Mine")).toHaveAccessibleName(`Mine ${mineBefore + 1}`);
  await expect(sam.page).not.toHaveTitle(titleBefore);
  await expect(sam.page).toHaveTitle(/^\(\d+\) Inbox · Switchboard$/);
  // A customer's message in a conversation assigned to them is something Sam is notified of.
  await saveScreen(sam.page, testInfo, "team-workflow-sam-mine");

  // Sam opens it and starts typing: Avery sees "Sam is replying…".
  await rowOf(sam.page, opening).getByRole("link").click();
  const box = sam.page.getByRole("textbox", { name: "Message", exact: true });
  await box.fill("Let me check");
  await expect(page.locator("[data-presence]")).toHaveText("Sam is replying…");

  // Sam inserts the saved reply, its variables filled, and sends it; the thread shows Sam as its author.
  await box.fill("");
  await box.pressSequentially(`/${name.slice(0, 8)}`);
  const list = sam.page.getByRole("listbox", { name: "Saved replies" });
  await expect(list.getByRole("option").filter({ hasText: name })).toBeVisible();
  await box.pressSequentially(name.slice(8));
  await box.press("Enter");
  const filled = "Hi, Sam here from (919) 555-0100: your order is on its way.";
  await expect(box).toHaveValue(filled);
  await box.press("Enter");
  const reply = sam.page.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: filled });
  await expect(reply.locator("[data-author]")).toHaveText(AGENT.name);
  await expect(
    page
      .getByRole("list", { name: "Messages" })
      .getByRole("listitem")
      .filter({ hasText: filled })
      .locator("[data-author]"),
  ).toHaveText(AGENT.name);

  // Sam closes it with `e`; Avery sees it closed.
  await sam.page.getByRole("heading", { level: 1 }).click();
  await sam.page.keyboard.press("e");
  await expect(status(sam.page)).toHaveText("Closed");
  await expect(status(page)).toHaveText("Closed");

  // The customer writes again: it reopens, live, in Sam's Mine, and Sam is notified.
  await sam.page.goto("/conversations?view=mine");
  await expect(sam.page.locator("[data-live=live]")).toBeVisible();
  await expect(rowOf(sam.page, opening)).toHaveCount(0);
  const again = `Any news? ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text: again } });
  await expect(rowOf(sam.page, again)).toBeVisible();
  await expect(status(page)).toHaveText("Open");
  await expect(
    page.getByRole("list", { name: "Messages" }).getByText("Reopened by a new message from the customer"),
  ).toBeVisible();
  await expect
    .poll(() => sam.page.evaluate(() => window.__shown.map((shown) => shown.url)))
    .toContain(`/conversations/${id}`);

  // Avery leaves a note mentioning Sam; Sam is notified and the notification opens the conversation.
  await page.getByRole("heading", { level: 1 }).click();
  await page.keyboard.press("n");
  const note = page.getByRole("textbox", { name: "Internal note" });
  await note.pressSequentially("@sa");
  await page.getByRole("listbox", { name: "Teammates to mention" }).getByRole("option", { name: AGENT.name }).click();
  const noteText = `please call them back ${Date.now()}`;
  await note.pressSequentially(noteText);
  await note.press("Enter");
  const mention = `${ADMIN.name} mentioned you`;
  await expect.poll(() => sam.page.evaluate(() => window.__shown.map((shown) => shown.title))).toContain(mention);
  await sam.page.evaluate((title) => window.__shown.find((shown) => shown.title === title)?.onclick?.(), mention);
  await expect(sam.page).toHaveURL(new RegExp(`/conversations/${id}(\\?view=[a-z]+)?$`));
  await expect(
    sam.page.getByRole("list", { name: "Messages" }).getByRole("article", { name: `Internal note by ${ADMIN.name}` }),
  ).toContainText(noteText);

  // Sam snoozes it for a few seconds (the test's minimum is one second); it comes back by itself.
  await sam.page.getByRole("heading", { level: 1 }).click();
  await sam.page.keyboard.press("s");
  await sam.page.getByRole("menuitem", { name: "Custom time…" }).click();
  await sam.page.getByLabel("Snooze until", { exact: true }).fill(await localTime(sam.page, 5_000));
  await sam.page.getByRole("button", { name: "Snooze", exact: true }).last().click();
  await expect(status(page)).toHaveText(/^Snoozed until/);
  await expect(status(sam.page)).toHaveText("Open", { timeout: 30_000 });
  await expect(status(page)).toHaveText("Open");
  await expect(sam.page.getByRole("list", { name: "Messages" }).getByText("Reopened: the snooze ended")).toBeVisible();
  await saveScreen(page, testInfo, "team-workflow-avery-thread");
  await sam.context.close();
});
