import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { saveScreen } from "./support/screens";
import { AGENT } from "./support/users";

// Saved replies: an admin writes a team reply with variables; an agent inserts it with `/` or the
// picker, the variables filled in, and one without a value flagged until it is replaced.
test.use({ storageState: "e2e/.auth/agent.json" });
// Each test walks a whole flow through the real app: more than the default 30 s on a busy machine.
test.describe.configure({ mode: "serial", timeout: 90_000 });

const REPLY_NAME = `Welcome ${Date.now().toString(36)}`;
const REPLY_BODY = "Hi {{contact.first_name}}, this is {{agent.name}} at {{our_number}}. How can I help?";
const OUR_NUMBER = "(919) 555-0100";

async function asAdmin(browser: Browser) {
  const context = await browser.newContext({ storageState: "e2e/.auth/admin.json" });
  return { page: await context.newPage(), close: () => context.close() };
}

/** A conversation of its own (a customer texts in), opened by the agent. */
async function openFreshConversation(page: Page, text: string) {
  await sandbox("/sandbox/inbound", { body: { from: customer(), to: [SUPPORT_LINE], text } });
  await page.goto("/conversations?view=open");
  await page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text }).click();
  await expect(page.getByRole("list", { name: "Messages" }).getByText(text)).toBeVisible();
  return page.getByRole("textbox", { name: "Message", exact: true });
}

/** At phone width nothing in the header overlaps or runs off the screen. */
async function expectHeaderFits(page: Page, width: number) {
  const nav = (await page.getByRole("navigation", { name: "Main" }).boundingBox())!;
  const account = (await page.getByRole("link", { name: "Account" }).boundingBox())!;
  const signOut = (await page.getByRole("button", { name: "Sign out" }).boundingBox())!;
  expect(nav.x + nav.width).toBeLessThanOrEqual(account.x);
  expect(account.x + account.width).toBeLessThanOrEqual(signOut.x);
  expect(signOut.x + signOut.width).toBeLessThanOrEqual(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Counts the messages this page sends. */
function countSends(page: Page) {
  const sends: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/api/messages") sends.push(request.url());
  });
  return sends;
}

test("an admin adds a team reply with variables, checked by the same rules as the API", async ({
  browser,
}, testInfo) => {
  const admin = await asAdmin(browser);
  const { page } = admin;
  await page.goto("/saved-replies");
  await expect(page.getByRole("link", { name: "Replies" })).toHaveAttribute("aria-current", "page");
  await page.getByText("Add a team reply").click();
  const form = page.getByRole("form", { name: "Add a team reply" });
  await form.getByRole("button", { name: "Add" }).click();
  // Under each field, in words (no "name: " prefix: issue 16 point 11).
  await expect(form.getByText("Required.", { exact: true })).toHaveCount(2);

  await form.getByLabel("Name").fill(REPLY_NAME);
  await form.getByLabel("Text").fill(`${REPLY_BODY} {{order.id}}`);
  await expect(form.getByText("{{order.id}} is not a variable: inserted as written.")).toBeVisible();
  await form.getByLabel("Text").fill(REPLY_BODY);
  await form.getByRole("button", { name: "Add" }).click();
  const team = page.getByRole("list", { name: "Team replies" });
  await expect(team.getByRole("heading", { name: REPLY_NAME })).toBeVisible();
  await expect(team.getByText(REPLY_BODY)).toBeVisible();

  // The same name in another case is taken.
  await form.getByLabel("Name").fill(REPLY_NAME.toUpperCase());
  await form.getByLabel("Text").fill("Another");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(form.getByRole("alert")).toContainText(`There is already a reply named “${REPLY_NAME.toUpperCase()}”`);

  await expect(page.getByText("{{our_number}}", { exact: true })).toBeVisible();
  await expectNoSeriousA11yIssues(page, "saved replies, admin");
  await saveScreen(page, testInfo, "saved-replies-admin");
  // An admin's header has one link more (Admin): it still fits a phone.
  await page.setViewportSize({ width: 360, height: 800 });
  await expectHeaderFits(page, 360);
  await saveScreen(page, testInfo, "saved-replies-admin-phone");
  await admin.close();
});

test("an agent types / in the reply box, picks the reply, gets it filled in and sends it", async ({
  page,
  baseURL,
}, testInfo) => {
  // A personal reply of the agent's that matches too, to move between.
  const personal = await page.request.post("/api/saved-replies", {
    headers: { origin: baseURL! },
    data: { name: `Welcome back ${Date.now()}`, body: "Welcome back!" },
  });
  expect(personal.status()).toBe(201);

  const box = await openFreshConversation(page, `Hello there ${Date.now()}`);
  // Name the contact with the existing contact-name feature.
  const participants = page.getByRole("list", { name: "Participants" });
  await participants.getByRole("button", { name: /^Name / }).click();
  await participants.getByRole("textbox", { name: /^Name for / }).fill("Robin Hale");
  await participants.getByRole("button", { name: "Save" }).click();
  await expect(participants).toContainText("Robin Hale");

  const sends = countSends(page);
  await box.click();
  await box.pressSequentially("/welc");
  const list = page.getByRole("listbox", { name: "Saved replies" });
  await expect(list).toBeVisible();
  await expect(list.getByRole("option")).toHaveCount(2);
  await expect(list.getByRole("option").filter({ hasText: REPLY_NAME })).toBeVisible();
  // The text box points at the highlighted option, for screen readers; the arrows move it.
  await expect(box).toHaveAttribute("aria-controls", (await list.getAttribute("id"))!);
  const selected = list.getByRole("option", { selected: true });
  const [first, second] = await list.getByRole("option").evaluateAll((options) => options.map((o) => o.id));
  await expect(selected).toHaveAttribute("id", first!);
  await expect(box).toHaveAttribute("aria-activedescendant", first!);
  await box.press("ArrowDown");
  await expect(selected).toHaveAttribute("id", second!);
  await expect(box).toHaveAttribute("aria-activedescendant", second!);
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", first!);
  await box.press("ArrowUp");
  await expect(box).toHaveAttribute("aria-activedescendant", second!);
  await saveScreen(page, testInfo, "saved-reply-slash-list");
  // Narrow to this test's reply, then Enter inserts it (and does not send).
  await box.pressSequentially(REPLY_NAME.slice(4));
  await expect(list.getByRole("option")).toHaveCount(1);
  await box.press("Enter");
  const filled = `Hi Robin, this is ${AGENT.name} at ${OUR_NUMBER}. How can I help?`;
  await expect(box).toHaveValue(filled);
  await expect(list).toBeHidden();
  await expect(page.getByRole("alert").filter({ hasText: "Replace before sending" })).toHaveCount(0);
  expect(sends).toHaveLength(0);

  // Escape closes a list opened by mistake; the next Enter sends.
  await box.pressSequentially(" /");
  await expect(list).toBeVisible();
  await box.press("Escape");
  await expect(list).toBeHidden();
  await box.press("Backspace");
  await box.press("Backspace");
  await expect(box).toHaveValue(filled);
  await box.press("Enter");
  await expect(page.getByRole("list", { name: "Messages" }).getByText(filled)).toBeVisible();
  await expect(box).toHaveValue("");
  expect(sends).toHaveLength(1);
});

test("the picker inserts at the caret and flags a variable without a value until it is replaced", async ({
  page,
}, testInfo) => {
  // An unnamed number: {{contact.first_name}} has no value.
  const box = await openFreshConversation(page, `Any news? ${Date.now()}`);
  await box.fill("Hello! ");
  await page.getByRole("button", { name: "Saved replies" }).click();
  const search = page.getByRole("combobox", { name: "Search saved replies" });
  await expect(search).toBeFocused();
  await search.fill(REPLY_NAME.toLowerCase());
  await expect(search).toHaveAttribute("aria-expanded", "true");
  await page
    .getByRole("listbox", { name: "Saved replies" })
    .getByRole("option")
    .filter({ hasText: REPLY_NAME })
    .click();
  const withPlaceholder = `Hello! Hi {{contact.first_name}}, this is ${AGENT.name} at ${OUR_NUMBER}. How can I help?`;
  await expect(box).toHaveValue(withPlaceholder);
  await expect(box).toBeFocused();

  const warning = page.getByRole("alert").filter({ hasText: "Replace before sending" });
  await expect(warning).toBeVisible();
  await expect(box).toHaveAttribute("aria-describedby", (await warning.getAttribute("id"))!);
  await expectNoSeriousA11yIssues(page, "composer with an unfilled placeholder");
  await saveScreen(page, testInfo, "saved-reply-unfilled-variable");
  // Sending is not blocked, only flagged.
  await expect(page.getByRole("button", { name: "Send" })).toBeEnabled();

  await warning.getByRole("button", { name: "Select {{contact.first_name}} in the message" }).click();
  await page.keyboard.type("Alex");
  const replaced = `Hello! Hi Alex, this is ${AGENT.name} at ${OUR_NUMBER}. How can I help?`;
  await expect(box).toHaveValue(replaced);
  await expect(warning).toHaveCount(0);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("list", { name: "Messages" }).getByText(replaced)).toBeVisible();
});

test("the API lets agents manage their own replies only, and answers bad input with 4xx", async ({
  page,
  browser,
  baseURL,
}) => {
  const headers = { origin: baseURL! };
  const request = page.request;
  const teamAttempt = await request.post("/api/saved-replies", {
    headers,
    data: { name: "Nope", body: "x", scope: "team" },
  });
  expect(teamAttempt.status()).toBe(403);
  expect(await teamAttempt.json()).toMatchObject({ error: { code: "forbidden" } });

  const mine = await request.post("/api/saved-replies", { headers, data: { name: `Mine ${Date.now()}`, body: "Hi" } });
  expect(mine.status()).toBe(201);
  const { savedReply } = (await mine.json()) as { savedReply: { id: string; name: string; scope: string } };
  expect(savedReply.scope).toBe("personal");
  const duplicate = await request.post("/api/saved-replies", {
    headers,
    data: { name: savedReply.name.toUpperCase(), body: "Hi" },
  });
  expect(duplicate.status()).toBe(409);
  expect(await duplicate.json()).toMatchObject({ error: { code: "duplicate_name" } });

  for (const [method, url, data, status] of [
    ["POST", "/api/saved-replies", { name: "", body: "x" }, 400],
    ["POST", "/api/saved-replies", { name: "x", body: "y", ownerId: "someone" }, 400],
    ["POST", "/api/saved-replies", { name: "x", body: "y".repeat(2049) }, 400],
    ["PATCH", "/api/saved-replies/not-a-uuid", { body: "x" }, 404],
    ["PATCH", `/api/saved-replies/${savedReply.id}`, {}, 400],
    ["DELETE", "/api/saved-replies/00000000-0000-4000-8000-000000000000", undefined, 404],
  ] as const) {
    const response = await request.fetch(url, { method, headers, data });
    expect(response.status(), `${method} ${url}`).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBeTruthy();
  }
  const crossSite = await request.delete(`/api/saved-replies/${savedReply.id}`, {
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);

  // Someone else's personal reply does not exist for an admin either.
  const admin = await asAdmin(browser);
  const adminsView = await admin.page.request.get("/api/saved-replies");
  const listed = ((await adminsView.json()) as { savedReplies: Array<{ id: string }> }).savedReplies;
  expect(listed.map((reply) => reply.id)).not.toContain(savedReply.id);
  const adminAttempt = await admin.page.request.patch(`/api/saved-replies/${savedReply.id}`, {
    headers,
    data: { body: "changed" },
  });
  expect(adminAttempt.status()).toBe(404);
  await admin.close();

  expect((await request.delete(`/api/saved-replies/${savedReply.id}`, { headers })).status()).toBe(204);
});

test("the page works at phone width in dark mode, with team replies read-only for agents", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/saved-replies");
  const team = page.getByRole("list", { name: "Team replies" });
  await expect(team.getByRole("heading", { name: REPLY_NAME })).toBeVisible();
  await expect(page.getByRole("button", { name: `Edit ${REPLY_NAME}` })).toHaveCount(0);
  await expect(page.getByText("Add a team reply")).toHaveCount(0);

  await page.getByText("Add a personal reply").click();
  const form = page.getByRole("form", { name: "Add a personal reply" });
  const name = `Thanks ${Date.now().toString(36)}`;
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Text").fill("Thank you, {{contact.first_name}}!");
  await form.getByRole("button", { name: "Add" }).click();
  const mine = page.getByRole("list", { name: "Your replies" });
  await expect(mine.getByRole("heading", { name })).toBeVisible();

  await mine.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${name}` });
  await edit.getByLabel("Text").fill("Many thanks, {{contact.first_name}}!");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(mine.getByText("Many thanks, {{contact.first_name}}!")).toBeVisible();

  await expectHeaderFits(page, 360);
  await expectNoSeriousA11yIssues(page, "saved replies at 360px, dark");
  await saveScreen(page, testInfo, "saved-replies-phone-dark");

  page.once("dialog", (dialog) => void dialog.accept());
  await mine.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(mine.getByRole("heading", { name })).toHaveCount(0);
});

test("an admin edits and deletes the team reply, and the audit log has each change", async ({ browser }) => {
  const admin = await asAdmin(browser);
  const { page } = admin;
  await page.goto("/saved-replies");
  const team = page.getByRole("list", { name: "Team replies" });
  await team.getByRole("button", { name: `Edit ${REPLY_NAME}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${REPLY_NAME}` });
  await edit.getByLabel("Text").fill("Hello {{contact.name}}!");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(team.getByText("Hello {{contact.name}}!")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await team.getByRole("button", { name: `Delete ${REPLY_NAME}` }).click();
  await expect(team.getByRole("heading", { name: REPLY_NAME })).toHaveCount(0);

  const audit = await page.request.get("/api/admin/audit?targetType=saved_reply&limit=200");
  const entries = ((await audit.json()) as { entries: Array<{ action: string; details: { name?: string } }> }).entries;
  expect(entries.filter((entry) => entry.details.name === REPLY_NAME).map((entry) => entry.action)).toEqual([
    "saved_reply.delete",
    "saved_reply.update",
    "saved_reply.create",
  ]);
  await admin.close();
});
