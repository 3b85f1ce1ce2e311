import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { saveScreen } from "./support/screens";
import { AGENT, ADMIN, sql } from "./support/users";

import {
  newConversation,
  userId,
  counts,
  change,
  expectNoSideScroll,
  viewLink,
  list,
  row,
  announcer,
} from "./support/team-inbox";

test.use({ storageState: "e2e/.auth/agent.json" });

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
