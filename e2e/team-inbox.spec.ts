import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { saveScreen } from "./support/screens";
import { signInAndWait } from "./support/sign-in";
import { AGENT, ADMIN, createAgent, sql } from "./support/users";

test.use({ storageState: "e2e/.auth/agent.json" });

type Counts = { mine: number; unassigned: number; open: number; snoozed: number; closed: number; needsYou: number };

/** A customer texts the support line: a new open, unassigned conversation; its id once stored. */
async function newConversation(text: string, from = customer()): Promise<{ id: string; from: string }> {
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text } });
  let id = "";
  await expect
    .poll(
      async () => {
        const rows = await sql<{ id: string }>(
          "SELECT id::text FROM conversations WHERE owner_number = $1 AND participants_key = $2",
          [SUPPORT_LINE, from],
        );
        id = rows[0]?.id ?? "";
        return id;
      },
      { timeout: 10_000 },
    )
    .not.toBe("");
  return { id, from };
}

async function userId(email: string): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id::text FROM users WHERE email = $1", [email]);
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

async function counts(request: APIRequestContext): Promise<Counts> {
  const response = await request.get("/api/conversations/counts");
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { counts: Counts }).counts;
}

/** The workflow change through the API, as the page's signed-in agent. */
async function change(request: APIRequestContext, id: string, body: object) {
  const response = await request.patch(`/api/conversations/${id}`, { data: body });
  expect(response.status(), await response.text()).toBe(200);
}

const viewLink = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: new RegExp(`^${name} \\d+$`) });
const list = (page: Page) => page.getByRole("list", { name: "Conversations" });
const row = (page: Page, text: string) => list(page).getByRole("listitem").filter({ hasText: text });
const announcer = (page: Page) =>
  page.getByRole("group", { name: "Conversation actions" }).locator("..").getByRole("status");

async function expectCount(page: Page, view: string, count: number) {
  await expect(viewLink(page, view)).toHaveAccessibleName(`${view} ${count}`);
}

async function expectNoSideScroll(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
}

test("views: Unassigned by default for an agent with nothing, Mine once they have something; counts, the address and empty states", async ({
  browser,
}) => {
  const fresh = await createAgent();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAndWait(page, fresh.email, fresh.password);
  await page.goto("/conversations");
  // Nothing of their own: Unassigned, written into the address.
  await expect(page).toHaveURL(/\?view=unassigned$/);
  await expect(viewLink(page, "Unassigned")).toHaveAttribute("aria-current", "page");
  const start = await counts(page.request);
  await expectCount(page, "Mine", 0);
  await expectCount(page, "Unassigned", start.unassigned);
  await expectCount(page, "All open", start.open);
  await expectCount(page, "Snoozed", start.snoozed);
  await expectCount(page, "Closed", start.closed);

  await viewLink(page, "Mine").click();
  await expect(page).toHaveURL(/\?view=mine$/);
  await expect(page.getByText("Nothing assigned to you. Unassigned conversations are in Unassigned.")).toBeVisible();

  // A new conversation arrives live, counted in Unassigned and All open.
  const text = `Views and counts ${Date.now()}`;
  const { id } = await newConversation(text);
  await expectCount(page, "Unassigned", start.unassigned + 1);
  await expectCount(page, "All open", start.open + 1);
  await viewLink(page, "Unassigned").click();
  await expect(row(page, text)).toContainText("Unassigned");

  // Assigned to them (elsewhere): it moves to Mine, live.
  await change(page.request, id, { assigneeId: await userId(fresh.email) });
  await expectCount(page, "Mine", 1);
  await expect(row(page, text)).toHaveCount(0);
  await viewLink(page, "Mine").click();
  await expect(row(page, text)).toContainText("Test Agent");

  // The view survives a reload and Back; a view combines with search.
  await viewLink(page, "Closed").click();
  await page.reload();
  await expect(viewLink(page, "Closed")).toHaveAttribute("aria-current", "page");
  await page.goBack();
  await expect(page).toHaveURL(/\?view=mine$/);
  await expect(row(page, text)).toBeVisible();
  await page.getByLabel("Search conversations").fill("no such words anywhere");
  await expect(page.getByText("Nothing in Mine matches. Clear the search or the number filter.")).toBeVisible();

  // The number filter lives in the address too, and the counts follow it.
  await page.getByLabel("Search conversations").fill("");
  await page.getByLabel("Show conversations of").selectOption("+18885550100");
  await expect(page).toHaveURL(/view=mine&number=%2B18885550100$/);
  await expectCount(page, "Mine", 0);

  // With something of their own, a fresh visit opens on Mine; a link from a notification still opens the conversation.
  await page.goto(`/conversations/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/conversations/${id}\\?view=mine$`));
  await expect(list(page).locator(`[data-conversation-link][aria-current=page]`)).toBeVisible();
  await context.close();
});

test("assign to me by key and button, to a teammate by the picker; close with e moves it from Mine to Closed", async ({
  page,
}) => {
  const text = `Assign and close ${Date.now()}`;
  const { id } = await newConversation(text);
  await page.goto(`/conversations/${id}?view=mine`);
  await expect(page.getByRole("button", { name: "Assign to me" })).toBeVisible();
  const before = await counts(page.request);
  await expectCount(page, "Mine", before.mine);

  // a: assign to me (focus is on the page, not in a field).
  await page.keyboard.press("a");
  await expect(announcer(page)).toHaveText("Assigned to you");
  await expect(page.getByRole("button", { name: "Assignee: Sam Agent. Change" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unassign" })).toBeVisible();
  await expectCount(page, "Mine", before.mine + 1);
  await expect(row(page, text)).toContainText("Sam Agent");
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread.getByText("You took this conversation")).toBeVisible();

  // e: close. It leaves Mine and appears in Closed; the counts follow.
  await page.keyboard.press("e");
  await expect(announcer(page)).toHaveText("Closed");
  await expect(page.getByTestId("conversation-status")).toHaveText("Closed");
  await expect(thread.getByText("You closed this conversation")).toBeVisible();
  await expectCount(page, "Mine", before.mine);
  await expectCount(page, "Closed", before.closed + 1);
  await expect(row(page, text)).toHaveCount(0);
  await viewLink(page, "Closed").click();
  await expect(row(page, text)).toContainText("Closed");

  // The header's buttons: Reopen, Unassign, Assign to me.
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByTestId("conversation-status")).toHaveText("Open");
  await page.getByRole("button", { name: "Unassign" }).click();
  await expect(page.getByRole("button", { name: "Assignee: nobody. Change" })).toBeVisible();
  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByRole("button", { name: "Assignee: Sam Agent. Change" })).toBeVisible();

  // The picker: search, arrows, Enter; Escape returns focus to its button.
  const picker = page.getByRole("button", { name: "Assignee: Sam Agent. Change" });
  await picker.click();
  const search = page.getByRole("combobox", { name: "Find a teammate" });
  await expect(search).toBeFocused();
  const options = page.getByRole("listbox", { name: "Teammates" }).getByRole("option");
  await expect(options.first()).toHaveText("Nobody");
  await expect(options.filter({ hasText: "Sam Agent (you)" })).toContainText("assigned");
  await page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(search).toHaveCount(0);
  await expect(picker).toBeFocused();
  await picker.click();
  await search.fill("aver");
  const teammates = page.getByRole("listbox", { name: "Teammates" });
  await expect(teammates.getByRole("option")).toHaveCount(1);
  await expect(teammates.getByRole("option", { name: ADMIN.name })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(announcer(page)).toHaveText(`Assigned to ${ADMIN.name}`);
  await expect(page.getByRole("button", { name: `Assignee: ${ADMIN.name}. Change` })).toBeFocused();
  await expect(thread.getByText(`You assigned this to ${ADMIN.name}`)).toBeVisible();
  await viewLink(page, "All open").click();
  await expect(row(page, text)).toContainText(ADMIN.name);
});

test("snooze: presets show their times, a custom time is checked, and the conversation comes back by itself", async ({
  page,
}, testInfo) => {
  const text = `Snooze me ${Date.now()}`;
  const { id } = await newConversation(text);
  await page.goto(`/conversations/${id}?view=open`);
  await expect(page.getByRole("button", { name: "Assign to me" })).toBeVisible();
  const before = await counts(page.request);

  // s opens the menu with focus on its first item; arrows move; Escape closes it and returns to the button.
  await page.keyboard.press("s");
  const menu = page.getByRole("menu", { name: "Snooze until" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  // Their names follow the clock: late in the evening "In 3 hours" (tomorrow), before 6:00 "This morning".
  await expect(
    menu.getByRole("menuitem", { name: /^(Later today, \d{1,2}:\d\d [AP]M|In 3 hours, (\w{3} )?\d{1,2}:\d\d [AP]M)$/ }),
  ).toBeVisible();
  await expect(
    menu.getByRole("menuitem", { name: /^(Tomorrow morning, \w{3} 9:00 AM|This morning, 9:00 AM)$/ }),
  ).toBeVisible();
  await expect(menu.getByRole("menuitem", { name: /^Next week, (Mon 9:00 AM|\w{3} \d+, 9:00 AM)$/ })).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: /^(Tomorrow|This) morning/ })).toBeFocused();
  await page.keyboard.press("End");
  await expect(menu.getByRole("menuitem", { name: "Custom time…" })).toBeFocused();
  await expectNoSeriousA11yIssues(page, "snooze menu");
  await saveScreen(page, testInfo, "team-inbox-snooze-menu");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Snooze" })).toBeFocused();

  // A custom time in the past is refused before sending.
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: "Custom time…" }).click();
  const until = page.getByLabel("Snooze until", { exact: true });
  await expect(until).toBeFocused();
  await until.fill("2020-01-01T09:00");
  await page.getByRole("button", { name: "Snooze", exact: true }).last().click();
  const form = page.getByRole("form", { name: "Snooze until a custom time" });
  await expect(form.getByRole("alert")).toHaveText("Choose a time in the future.");

  // The server's refusal is shown in words.
  await page.route(`**/api/conversations/${id}`, (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({
          status: 422,
          contentType: "application/json",
          body: JSON.stringify({
            error: { code: "unprocessable", message: "snoozedUntil: snooze for at most a year." },
          }),
        })
      : route.continue(),
  );
  await until.fill(await localTime(page, 3_600_000));
  await page.getByRole("button", { name: "Snooze", exact: true }).last().click();
  await expect(form.getByRole("alert")).toHaveText("Snooze for at most a year.");
  await page.unroute(`**/api/conversations/${id}`);

  // Four seconds ahead: snoozed, then reopened by the snooze-end job, live.
  await until.fill(await localTime(page, 4_000));
  await page.getByRole("button", { name: "Snooze", exact: true }).last().click();
  await expect(page.getByTestId("conversation-status")).toHaveText(/^Snoozed until \d{1,2}:\d\d [AP]M$/);
  await expect(announcer(page)).toHaveText(/^Snoozed until/);
  await expect(page.getByRole("button", { name: "Snooze" })).toBeFocused();
  await expectCount(page, "Snoozed", before.snoozed + 1);
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread.getByText(/^You snoozed this until/)).toBeVisible();
  await expect(page.getByTestId("conversation-status")).toHaveText("Open", { timeout: 20_000 });
  await expect(thread.getByText("Reopened: the snooze ended")).toBeVisible();
  await expectCount(page, "Snoozed", before.snoozed);
});

test("? lists every shortcut in a dialog; Escape closes it and focus goes back", async ({ page }, testInfo) => {
  await page.goto("/conversations?view=open");
  await expect(list(page).locator("[data-conversation-link]").first()).toBeVisible();
  await page.keyboard.press("j");
  const first = list(page).locator("[data-conversation-link]").first();
  await expect(first).toBeFocused();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
  for (const [keys, does] of [
    ["j", "Next conversation"],
    ["k", "Previous conversation"],
    ["Enter", "Open the conversation in focus"],
    ["/", "Search conversations"],
    ["a", "Assign to me"],
    ["e", "Close"],
    ["s", "Snooze (choose until when)"],
    ["r or Enter", "Write a reply"],
    ["?", "Show these shortcuts"],
  ] as const) {
    const entry = dialog.getByRole("row").filter({ has: page.getByRole("cell", { name: does, exact: true }) });
    await expect(entry.getByRole("rowheader")).toHaveText(keys);
  }
  // Keys do nothing behind the dialog.
  await page.keyboard.press("j");
  await expect(dialog).toBeVisible();
  await expectNoSeriousA11yIssues(page, "shortcuts dialog");
  await saveScreen(page, testInfo, "team-inbox-shortcuts");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(first).toBeFocused();
});

test("bulk: select two, close them, see the summary; assign one to a teammate", async ({ page }, testInfo) => {
  const tag = `Bulk ${Date.now()}`;
  await newConversation(`${tag} first`);
  await newConversation(`${tag} second`);
  await newConversation(`${tag} third`);
  await page.goto("/conversations?view=unassigned");
  await page.getByLabel("Search conversations").fill(tag);
  await expect(list(page).locator("[data-conversation-link]")).toHaveCount(3);

  await row(page, `${tag} first`).getByRole("checkbox").check();
  await row(page, `${tag} second`).getByRole("checkbox").check();
  const bar = page.getByRole("group", { name: "With the selected conversations" });
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  // Tab goes from a checkbox to its row's link; j/k move between links, never onto the checkboxes.
  const links = list(page).locator("[data-conversation-link]");
  await page.keyboard.press("Tab");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("j");
  await expect(links.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(links.nth(1)).toBeFocused();
  await expectNoSeriousA11yIssues(page, "bulk selection");
  await saveScreen(page, testInfo, "team-inbox-bulk-selected");
  await bar.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Closed 2 conversations." })).toBeVisible();
  await expect(list(page).locator("[data-conversation-link]")).toHaveCount(1);
  await expect(bar).toHaveCount(0);
  await expect(page.getByLabel("Select all shown")).not.toBeChecked();

  // "Select all shown", then Assign to… a teammate.
  await page.getByLabel("Select all shown").check();
  await expect(page.getByTestId("selected-count")).toHaveText("1 selected");
  await bar.getByRole("button", { name: "Assign to…" }).click();
  await page.getByRole("combobox", { name: "Find a teammate" }).fill("Avery");
  await page.getByRole("listbox", { name: "Teammates" }).getByRole("option", { name: ADMIN.name }).click();
  await expect(page.getByRole("status").filter({ hasText: `Assigned 1 conversation to ${ADMIN.name}.` })).toBeVisible();
  await expect(row(page, `${tag} third`)).toHaveCount(0);

  // Closed (the search stays): both are there, marked; a new view starts with nothing selected.
  await viewLink(page, "Closed").click();
  await expect(row(page, `${tag} first`)).toContainText("Closed");
  await expect(row(page, `${tag} second`)).toContainText("Closed");
  await expect(list(page).locator("[data-conversation-link]")).toHaveCount(2);
  await expect(page.getByLabel("Select all shown")).not.toBeChecked();
  await expect(page.getByTestId("selected-count")).toHaveCount(0);
});

test("each reply shows its author; the page title counts what needs the agent", async ({ page }) => {
  const text = `Title count ${Date.now()}`;
  const { id, from } = await newConversation(text);
  const sam = await userId(AGENT.email);
  await page.goto("/conversations?view=mine");
  await expect(list(page)).toBeVisible();
  // Assigned to Sam with nothing unread yet: then a new message from the customer needs them.
  await sql(
    "INSERT INTO conversation_reads (user_id, conversation_id, last_read_at) VALUES ($1::uuid, $2::uuid, now())",
    [sam, id],
  );
  await change(page.request, id, { assigneeId: sam });
  const before = (await counts(page.request)).needsYou;
  await expect(page).toHaveTitle(before > 0 ? `(${before}) Inbox · Switchboard` : "Inbox · Switchboard");
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text: `${text} again` } });
  await expect(page).toHaveTitle(`(${before + 1}) Inbox · Switchboard`);

  // Opening it reads it: the count drops, and the title keeps the count on the conversation page.
  await row(page, text).getByRole("link").click();
  await expect(page).toHaveTitle(before > 0 ? `(${before}) Conversation · Switchboard` : "Conversation · Switchboard");

  await page.getByRole("textbox", { name: "Message", exact: true }).fill(`Reply by Sam ${Date.now()}`);
  await page.getByRole("textbox", { name: "Message", exact: true }).press("Enter");
  const reply = page.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: "Reply by Sam" });
  await expect(reply.locator("[data-author]")).toHaveText(AGENT.name);
});

test("keyboard only: find it, assign, close, reopen and reply without the mouse", async ({ page }) => {
  const text = `Keyboard only ${Date.now()}`;
  await newConversation(text);
  await page.goto("/conversations?view=unassigned");
  await expect(list(page).locator("[data-conversation-link]").first()).toBeVisible();
  await page.keyboard.press("/");
  await page.keyboard.type(text);
  await expect(list(page).locator("[data-conversation-link]")).toHaveCount(1);
  // Enter in the search box opens the first result.
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/conversations\/[0-9a-f-]{36}\?view=unassigned$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("button", { name: "Assign to me" })).toBeVisible();

  // Opened from the keyboard, it is ready for a reply; Shift+Tab leaves the reply box.
  const composer = page.getByRole("textbox", { name: "Message", exact: true });
  await expect(composer).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(composer).not.toBeFocused();

  await page.keyboard.press("a");
  await expect(announcer(page)).toHaveText("Assigned to you");
  await page.keyboard.press("e");
  await expect(announcer(page)).toHaveText("Closed");

  // Back to Reopen (Close turned into it: the header's last button) and press it.
  const reopen = page.getByRole("button", { name: "Reopen" });
  for (let step = 0; step < 20 && !(await reopen.evaluate((el) => el === document.activeElement)); step += 1)
    await page.keyboard.press("Shift+Tab");
  await expect(reopen).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(announcer(page)).toHaveText("Reopened");

  // r: to the reply box; Enter sends, and the reply names its author.
  await page.keyboard.press("r");
  await expect(composer).toBeFocused();
  await page.keyboard.type("Typed without a mouse");
  await page.keyboard.press("Enter");
  const reply = page
    .getByRole("list", { name: "Messages" })
    .getByRole("listitem")
    .filter({ hasText: "Typed without a mouse" });
  await expect(reply.locator("[data-author]")).toHaveText(AGENT.name);
});

for (const scheme of ["light", "dark"] as const) {
  test(`the new controls pass axe and fit at 1280 and 360 px (${scheme})`, async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    // A group with a long title (many numbers) and a snoozed one, so every mark is on screen.
    const from = customer();
    const others = [customer(), customer(), customer(), customer()];
    const groupText = `Long group title ${scheme} ${Date.now()}`;
    await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE, ...others], text: groupText } });
    const { id } = await newConversation(`Snoozed row ${scheme} ${Date.now()}`);
    await change(page.request, id, {
      status: "snoozed",
      snoozedUntil: new Date(Date.now() + 86_400_000).toISOString(),
    });

    await page.goto(`/conversations/${id}?view=open`);
    await expect(row(page, groupText)).toBeVisible();
    await expect(page.getByTestId("conversation-status")).toHaveText(/^Snoozed until/);
    await expectNoSeriousA11yIssues(page, `inbox with the new controls (${scheme})`);
    await saveScreen(page, testInfo, `team-inbox-1280-${scheme}`);
    await page.getByRole("button", { name: /^Assignee: / }).click();
    await expect(page.getByRole("combobox", { name: "Find a teammate" })).toBeFocused();
    await expectNoSeriousA11yIssues(page, `assignee picker (${scheme})`);
    await saveScreen(page, testInfo, `team-inbox-picker-1280-${scheme}`);
    await page.keyboard.press("Escape");

    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/conversations?view=open");
    await expect(row(page, groupText)).toBeVisible();
    await row(page, groupText).getByRole("checkbox").check();
    await expect(page.getByRole("group", { name: "With the selected conversations" })).toBeVisible();
    await expectNoSideScroll(page, `list at 360 (${scheme})`);
    await expectNoSeriousA11yIssues(page, `list at 360 (${scheme})`);
    await saveScreen(page, testInfo, `team-inbox-list-360-${scheme}`);

    await page.goto(`/conversations/${id}?view=snoozed`);
    await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
    await expectNoSideScroll(page, `conversation at 360 (${scheme})`);
    await saveScreen(page, testInfo, `team-inbox-conversation-360-${scheme}`);
    await page.getByRole("button", { name: "Snooze" }).click();
    await expect(page.getByRole("menu", { name: "Snooze until" })).toBeVisible();
    await expectNoSideScroll(page, `snooze menu at 360 (${scheme})`);
    await expectNoSeriousA11yIssues(page, `snooze menu at 360 (${scheme})`);
    await saveScreen(page, testInfo, `team-inbox-snooze-360-${scheme}`);
  });
}

/** A moment `aheadMs` from now as a datetime-local value (with seconds), in the browser's zone. */
function localTime(page: Page, aheadMs: number): Promise<string> {
  return page.evaluate((ahead) => {
    const at = new Date(Date.now() + ahead);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  }, aheadMs);
}
