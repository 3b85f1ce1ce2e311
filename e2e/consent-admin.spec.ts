import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { customer } from "./support/sandbox";
import { shown, received, inbound, conversationLink, banner, expectNoSideScroll } from "./support/consent";

test.use({ storageState: "e2e/.auth/agent.json" });

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
