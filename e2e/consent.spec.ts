import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { customer, sandbox, SANDBOX_URL, SUPPORT_LINE } from "./support/sandbox";
import { AGENT } from "./support/users";

// Consent (issue 15): STOP, START and HELP from the sandbox phone, the inbox's banner and closed
// composer, the send refused (422 opted_out), groups sent without the one who opted out, toll-free
// (Bandwidth answers), the admin list with CSV export and import, and the settings' replies.

test.use({ storageState: "e2e/.auth/agent.json" });

const TOLL_FREE_LINE = "+18885550100";

/** +15551234567 → (555) 123-4567, as the inbox shows numbers. */
const shown = (number: string) => `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}`;

type PhoneRecord = { message: { direction: string; from: string; to: string[]; text: string } };

/** What the customer's phone received (the sandbox's messages to that number), oldest first. */
async function received(number: string): Promise<string[]> {
  const { body } = await sandbox(`/sandbox/messages?number=${encodeURIComponent(number)}`);
  return (body as PhoneRecord[])
    .filter(({ message }) => message.direction === "out" && message.to.includes(number))
    .map(({ message }) => message.text);
}

const inbound = (from: string, text: string, to: string[] = [SUPPORT_LINE]) =>
  sandbox("/sandbox/inbound", { body: { from, to, text } });

/** The sandbox's phone page, as `me`, texting `ours` only. */
async function openPhone(context: BrowserContext, me: string, ours: string): Promise<Page> {
  const phone = await context.newPage();
  await phone.goto(`${SANDBOX_URL}/`);
  await phone.locator("#customer").fill(me);
  await phone.locator("#customer").dispatchEvent("change");
  for (const box of await phone.locator("input[name=ours]").all()) await box.uncheck();
  await phone.locator(`input[name=ours][value="${ours}"]`).check();
  return phone;
}

async function textFromPhone(phone: Page, text: string) {
  await phone.locator("#text").fill(text);
  await phone.locator("#send").click();
  await expect(phone.locator("#text")).toHaveValue("");
}

const conversationLink = (page: Page, text: string | RegExp) =>
  page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text });

const composer = (page: Page) => page.getByRole("textbox", { name: "Message", exact: true });
const banner = (page: Page) => page.getByTestId("opt-out-banner");

async function sendThroughApi(request: APIRequestContext, to: string | string[], text: string, from = SUPPORT_LINE) {
  return request.post("/api/messages", { data: { from, to, text } });
}

/** A 422 opted_out, whichever way the error is nested; the numbers it names. */
async function expectOptedOutRefusal(response: Awaited<ReturnType<APIRequestContext["post"]>>, numbers: string[]) {
  const text = await response.text();
  expect(response.status(), text).toBe(422);
  const body = JSON.parse(text) as {
    error: string | { code: string; message: string; details?: { optedOut?: Array<{ phoneNumber: string }> } };
    message?: string;
    optedOut?: Array<{ phoneNumber: string }>;
  };
  const code = typeof body.error === "string" ? body.error : body.error.code;
  expect(code).toBe("opted_out");
  const optedOut = body.optedOut ?? (typeof body.error === "string" ? [] : (body.error.details?.optedOut ?? []));
  expect(optedOut.map((view) => view.phoneNumber).sort()).toEqual([...numbers].sort());
  return typeof body.error === "string" ? (body.message ?? "") : body.error.message;
}

async function expectNoSideScroll(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what}: the page scrolls sideways`).toBeLessThanOrEqual(0);
}

test("STOP from the phone to a local number: confirmation on the phone, banner and closed composer live, the API refuses; START opens it again; HELP answers", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(90_000);
  const me = customer();
  const hello = `Where is my parcel? ${Date.now()}`;
  await inbound(me, hello);
  await page.goto("/conversations?view=open");
  await conversationLink(page, hello).click();
  await expect(composer(page)).toBeEnabled();
  await expect(banner(page)).toHaveCount(0);

  const phone = await openPhone(context, me, SUPPORT_LINE);
  await textFromPhone(phone, "STOP");
  // The confirmation reaches the phone, sent by Switchboard through the normal send path.
  await expect(phone.locator("#thread .theirs").filter({ hasText: /unsubscribed/i })).toBeVisible({
    timeout: 15_000,
  });
  await expect(phone.locator("#thread .theirs").filter({ hasText: /START/ })).toBeVisible();
  await saveScreen(phone, testInfo, "consent-phone-stop-confirmation");

  // Live in the open conversation: the banner says who, when and how; the reply box is closed.
  await page.bringToFront();
  await expect(banner(page)).toContainText(`${shown(me)} opted out on`);
  await expect(banner(page)).toContainText("by texting STOP");
  await expect(composer(page)).toBeDisabled();
  await expect(page.getByText(/Replies are off: .* opted out on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread.getByRole("listitem").filter({ hasText: /^STOP/ }).getByText("Opt-out keyword")).toBeVisible();
  const confirmation = thread.getByRole("listitem").filter({ hasText: /unsubscribed/i });
  await expect(confirmation.locator("[data-author]")).toHaveText("Automatic");
  // The list marks it.
  await expect(conversationLink(page, shown(me)).getByRole("img", { name: "Opted out" })).toBeVisible();
  await saveScreen(page, testInfo, "consent-banner-1280");

  const refused = await sendThroughApi(page.request, me, "One more thing…");
  const message = await expectOptedOutRefusal(refused, [me]);
  expect(message).toContain(shown(me));

  // START: they may be texted again; the phone gets the resubscribe confirmation.
  const before = (await received(me)).length;
  await textFromPhone(phone, "start");
  await expect.poll(async () => (await received(me)).length, { timeout: 15_000 }).toBe(before + 1);
  await expect(banner(page)).toHaveCount(0);
  await expect(composer(page)).toBeEnabled();
  await expect(
    thread
      .getByRole("listitem")
      .filter({ hasText: /^start/ })
      .getByText("Opt-in keyword"),
  ).toBeVisible();
  await expect(conversationLink(page, shown(me)).getByRole("img", { name: "Opted out" })).toHaveCount(0);
  expect((await sendThroughApi(page.request, me, "Welcome back")).status()).toBe(202);

  // HELP: the help answer, and nothing changes.
  const beforeHelp = (await received(me)).length;
  await textFromPhone(phone, "Help");
  await expect.poll(async () => (await received(me)).length, { timeout: 15_000 }).toBeGreaterThan(beforeHelp);
  const helpAnswer = (await received(me)).at(-1);
  expect(helpAnswer).toBeTruthy();
  expect(helpAnswer).not.toMatch(/unsubscribed/i);
  await expect(phone.locator("#thread .theirs").filter({ hasText: helpAnswer ?? "" })).toBeVisible();
  await expect(composer(page)).toBeEnabled();
  await saveScreen(phone, testInfo, "consent-phone-help");
});

test("a message that may be a request to stop shows a hint; one click records the opt-out; opting back in asks for the customer's consent", async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000); // three dialogs, live updates and three axe scans
  const me = customer();
  const words = `Please stop texting me about the sale ${Date.now()}`;
  await inbound(me, words);
  await page.goto("/conversations?view=open");
  await conversationLink(page, words).click();
  const bubble = page.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: words });
  await expect(bubble.getByText("This may be a request to stop.")).toBeVisible();
  await saveScreen(page, testInfo, "consent-stop-hint");
  await bubble.getByRole("button", { name: "Record opt-out" }).click();
  const dialog = page.getByRole("dialog", { name: `Record an opt-out for ${shown(me)}` });
  await expect(dialog.getByLabel("Reason")).toHaveValue(`Customer wrote: "${words}"`);
  await expectNoSeriousA11yIssues(page, "record opt-out dialog");
  await dialog.getByRole("button", { name: "Record opt-out" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(banner(page)).toContainText(`recorded by ${AGENT.name}: Customer wrote:`);
  await expect(composer(page)).toBeDisabled();
  await expect(bubble.getByText("This may be a request to stop.")).toHaveCount(0);

  await banner(page)
    .getByRole("button", { name: `Opt ${shown(me)} back in` })
    .click();
  const optIn = page.getByRole("dialog", { name: `Opt ${shown(me)} back in` });
  await optIn.getByLabel("Reason").fill("Called us to get the sale texts again");
  const confirm = optIn.getByRole("button", { name: "Opt back in" });
  await expect(confirm).toBeDisabled();
  await optIn.getByRole("checkbox", { name: "The customer asked to receive messages again" }).check();
  await expectNoSeriousA11yIssues(page, "opt-in dialog");
  await saveScreen(page, testInfo, "consent-opt-in-dialog");
  await confirm.click();
  await expect(optIn).toHaveCount(0);
  await expect(banner(page)).toHaveCount(0);
  await expect(composer(page)).toBeEnabled();

  // And by hand from the header's menu.
  await page.getByRole("button", { name: "Consent" }).click();
  await page.getByRole("menuitem", { name: `Record opt-out for ${shown(me)}…` }).click();
  const byHand = page.getByRole("dialog", { name: `Record an opt-out for ${shown(me)}` });
  await byHand.getByLabel("Reason").fill("Asked on the phone");
  await byHand.getByRole("button", { name: "Record opt-out" }).click();
  await expect(banner(page)).toContainText(`recorded by ${AGENT.name}: Asked on the phone`);

  // Every change is kept: the history lists all three, newest first.
  await banner(page).getByText("History").click();
  const history = banner(page).getByRole("list", { name: "Consent history" }).getByRole("listitem");
  await expect(history).toHaveCount(3);
  await expect(history.nth(0)).toContainText(`Opted out on`);
  await expect(history.nth(0)).toContainText(`recorded by ${AGENT.name}: Asked on the phone`);
  await expect(history.nth(1)).toContainText(`Opted back in on`);
  await expect(history.nth(1)).toContainText("Called us to get the sale texts again");
  await expect(history.nth(2)).toContainText("Customer wrote:");
  await expectNoSeriousA11yIssues(page, "banner with the history");
  await saveScreen(page, testInfo, "consent-history");
});

test("a group with someone who opted out is refused, and the composer sends without them", async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const [first, leaver, third] = [customer(), customer(), customer()];
  const groupText = `Group plans ${Date.now()}`;
  await inbound(first, groupText, [SUPPORT_LINE, leaver, third]);
  await inbound(leaver, "STOP");
  await expect.poll(async () => (await received(leaver)).length, { timeout: 15_000 }).toBe(1);

  const refused = await sendThroughApi(page.request, [first, leaver, third], "Hello all");
  const words = await expectOptedOutRefusal(refused, [leaver]);
  expect(words).toContain(shown(leaver));

  await page.goto("/conversations?view=open");
  await conversationLink(page, groupText).click();
  await expect(page.getByText(/^Group of 3/)).toBeVisible();
  await expect(banner(page)).toContainText(`${shown(leaver)} opted out on`);
  await expect(page.getByText(`This group cannot be texted: ${shown(leaver)} opted out.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Send", exact: true })).toBeDisabled();
  await composer(page).fill("The plan still stands for the two of you");
  await saveScreen(page, testInfo, "consent-group-1280");
  await page.getByRole("button", { name: "Send without them" }).click();
  // The others' conversation (new) opens with the message in it.
  await expect(page.getByText(/^Group of 2/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText(shown(leaver));
  await expect(
    page.getByRole("list", { name: "Messages" }).getByText("The plan still stands for the two of you"),
  ).toBeVisible();
  await expect(page).toHaveURL(/view=open/);

  // The same from "New message": the refusal in words and the offer.
  await page.goto("/conversations/new?view=open");
  await page.getByLabel("From").selectOption(SUPPORT_LINE);
  const recipients = page.getByLabel("To", { exact: true });
  for (const number of [first, leaver]) {
    await recipients.fill(number);
    await recipients.press("Enter");
  }
  await page.getByLabel("Message", { exact: true }).fill("Starting fresh");
  await page.getByRole("button", { name: "Send to 2 people" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /^Not sent: / })).toContainText(shown(leaver));
  await expect(page.getByRole("alert").filter({ hasText: /^Not sent: / })).not.toContainText("opted_out");
  await saveScreen(page, testInfo, "consent-new-conversation-refused");
  await page.getByRole("button", { name: "Send without them" }).click();
  await expect(page.getByRole("list", { name: "Messages" }).getByText("Starting fresh")).toBeVisible();
});

test("STOP to the toll-free number: recorded (banner), Bandwidth's own reply on the phone, and no reply from Switchboard", async ({
  page,
}, testInfo) => {
  const me = customer();
  const hello = `Toll-free hello ${Date.now()}`;
  await inbound(me, hello, [TOLL_FREE_LINE]);
  await page.goto("/conversations?view=open");
  await conversationLink(page, hello).click();
  await expect(composer(page)).toBeEnabled();
  await inbound(me, "Stop", [TOLL_FREE_LINE]);
  await expect(banner(page)).toContainText(`${shown(me)} opted out on`);
  await expect(composer(page)).toBeDisabled();
  // The sandbox answers as Bandwidth does for toll-free; Switchboard sends nothing of its own.
  await expect.poll(async () => (await received(me)).length, { timeout: 15_000 }).toBe(1);
  expect((await received(me))[0]).toMatch(/^NETWORK MSG: .*STOP/);
  await page.waitForTimeout(1_500);
  expect(await received(me)).toHaveLength(1);
  const thread = page.getByRole("list", { name: "Messages" });
  await expect(thread.locator("[data-author]").filter({ hasText: "Automatic" })).toHaveCount(0);
  await saveScreen(page, testInfo, "consent-toll-free-banner");
  const refused = await sendThroughApi(page.request, me, "Are you sure?", TOLL_FREE_LINE);
  await expectOptedOutRefusal(refused, [me]);
});

test.describe("admins", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("the opt-out list: search, export, import with problems by line, opt back in; the account's help reply", async ({
    page,
  }, testInfo) => {
    test.setTimeout(60_000);
    const stopped = customer();
    await inbound(stopped, "UNSUBSCRIBE");
    await expect.poll(async () => (await received(stopped)).length, { timeout: 15_000 }).toBe(1);

    await page.goto("/admin");
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Opt-outs" }).click();
    await expect(page).toHaveURL(/\/admin\/opt-outs$/);
    await page.getByLabel("Search").fill(stopped.slice(2));
    const table = page.getByRole("table", { name: "Opt-outs" });
    const row = table.locator(`tr[data-opt-out="${stopped}"]`);
    await expect(row).toContainText(shown(stopped));
    await expect(row).toContainText("Keyword");
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expectNoSeriousA11yIssues(page, "opt-out list");

    // Export: the CSV has the number.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    const csv = await download.createReadStream().then(
      (stream) =>
        new Promise<string>((resolve, reject) => {
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
          stream.on("error", reject);
        }),
    );
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(header).toMatch(/phone/i);
    expect(lines.some((line) => line.includes(stopped))).toBe(true);

    // Import: one good line, one the server refuses (reported by its line).
    const imported = customer();
    await page.getByLabel("CSV file").setInputFiles({
      name: "opt-outs.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`phone_number,reason\n${imported},Asked by letter\nnot-a-number,Oops\n`),
    });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const summary = page.getByRole("form", { name: "Import opt-outs" }).getByRole("status");
    await expect(summary).toContainText("Imported 1");
    await expect(summary.getByRole("list", { name: "Import problems" })).toContainText("Line 3:");
    await page.getByLabel("Search").fill(imported.slice(2));
    const importedRow = table.locator(`tr[data-opt-out="${imported}"]`);
    await expect(importedRow).toContainText("Import");
    await expect(importedRow).toContainText("Asked by letter");
    await saveScreen(page, testInfo, "consent-admin-opt-outs-1280");

    // Opt back in from the list, with the same confirmation.
    await importedRow.getByRole("button", { name: `Opt ${shown(imported)} back in` }).click();
    const dialog = page.getByRole("dialog", { name: `Opt ${shown(imported)} back in` });
    await dialog.getByLabel("Reason").fill("Wrong import");
    await dialog.getByRole("checkbox", { name: "The customer asked to receive messages again" }).check();
    await dialog.getByRole("button", { name: "Opt back in" }).click();
    await expect(importedRow).toHaveCount(0);

    // The account's HELP reply, changed here, is what the phone gets.
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Configuration & team" }).click();
    const settings = page.getByRole("form", { name: /^Consent settings of / }).first();
    const help = settings.getByLabel("Help answer (after HELP)");
    await expect(help).not.toHaveValue("");
    const custom = `Switchboard demo help ${Date.now()}: call 919-555-0100. Reply STOP to opt out.`;
    await expect(settings.getByText("The default.")).toHaveCount(3);
    await help.fill(custom);
    await expect(settings.getByText(/^Default: .*Reply STOP to unsubscribe/)).toBeVisible();
    await settings.getByRole("button", { name: "Save consent settings" }).click();
    await expect(settings.getByRole("status")).toHaveText("Saved");
    const asker = customer();
    await inbound(asker, "INFO");
    await expect.poll(async () => (await received(asker)).at(-1), { timeout: 15_000 }).toBe(custom);
  });
});

for (const scheme of ["light", "dark"] as const) {
  test(`consent screens pass axe and fit at 1280 and 360 px (${scheme})`, async ({ page, browser }, testInfo) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    const me = customer();
    const hello = `Screens ${scheme} ${Date.now()}`;
    await inbound(me, hello);
    await inbound(me, "STOP");
    // The list previews the newest message (the confirmation): the row is found by the number.
    const link = conversationLink(page, shown(me));
    await page.goto("/conversations?view=open");
    await link.click();
    await expect(banner(page)).toBeVisible();
    await expect(link.getByRole("img", { name: "Opted out" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Messages" }).getByText("Opt-out keyword")).toBeVisible();
    await expectNoSeriousA11yIssues(page, `conversation with an opt-out (${scheme})`);
    await saveScreen(page, testInfo, `consent-conversation-1280-${scheme}`);
    await page.getByRole("button", { name: "Consent" }).click();
    await expect(page.getByRole("menu", { name: "Consent" })).toBeVisible();
    await saveScreen(page, testInfo, `consent-menu-1280-${scheme}`);
    await page.keyboard.press("Escape");

    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto("/conversations?view=open");
    await expect(link.getByRole("img", { name: "Opted out" })).toBeVisible();
    await expectNoSideScroll(page, `list at 360 (${scheme})`);
    await saveScreen(page, testInfo, `consent-list-360-${scheme}`);
    await link.click();
    await expect(banner(page)).toBeVisible();
    await expect(page.getByRole("list", { name: "Messages" }).getByText("Opt-out keyword")).toBeVisible();
    await expectNoSideScroll(page, `conversation at 360 (${scheme})`);
    await expectNoSeriousA11yIssues(page, `conversation at 360 (${scheme})`);
    await saveScreen(page, testInfo, `consent-conversation-360-${scheme}`);

    const admin = await browser.newContext({
      storageState: "e2e/.auth/admin.json",
      colorScheme: scheme,
      viewport: { width: 1280, height: 800 },
    });
    const adminPage = await admin.newPage();
    await adminPage.goto("/admin/opt-outs");
    await adminPage.getByLabel("Search").fill(me.slice(2));
    await expect(adminPage.getByRole("table", { name: "Opt-outs" })).toContainText(shown(me));
    await expectNoSeriousA11yIssues(adminPage, `opt-out list (${scheme})`);
    await saveScreen(adminPage, testInfo, `consent-admin-1280-${scheme}`);
    await adminPage.setViewportSize({ width: 360, height: 800 });
    await expect(adminPage.getByRole("list", { name: "Opt-outs" })).toContainText(shown(me));
    await expectNoSideScroll(adminPage, `opt-out list at 360 (${scheme})`);
    await expectNoSeriousA11yIssues(adminPage, `opt-out list at 360 (${scheme})`);
    await saveScreen(adminPage, testInfo, `consent-admin-360-${scheme}`);
    await adminPage.goto("/admin");
    await expect(adminPage.getByRole("form", { name: /^Consent settings of / }).first()).toBeVisible();
    await expectNoSideScroll(adminPage, `admin page at 360 (${scheme})`);
    await adminPage
      .getByRole("form", { name: /^Consent settings of / })
      .first()
      .screenshot({ path: `test-results/e2e/screens/consent-settings-360-${scheme}.png` });
    await admin.close();
  });
}
