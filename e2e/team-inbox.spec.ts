import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { signInAndWait } from "./support/sign-in";
import { ADMIN, createAgent } from "./support/users";

import {
  newConversation,
  userId,
  counts,
  change,
  expectCount,
  localTime,
  viewLink,
  list,
  row,
  announcer,
} from "./support/team-inbox";

test.use({ storageState: "e2e/.auth/agent.json" });

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
