import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { failingWith, PHONE, send, settled } from "./support/inbox-review";
import { saveScreen } from "./support/screens";
import { customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { signIn, signInError } from "./support/sign-in";
import { createAgent, sql } from "./support/users";

// Issue 16, the rest of the review (inbox-review.spec.ts has the thread): a bad number in the admin
// form, focus after a wrong password, unread badges, a list that fails fast, light and dark.

test.use({ storageState: "e2e/.auth/agent.json" });

test.describe("as an admin", () => {
  test.use({ storageState: "e2e/.auth/admin.json" });

  test("a bad number in the admin form is one clean sentence", async ({ page }, testInfo) => {
    await page.goto("/admin");
    await page.getByText("Add a number").click();
    const form = page.getByRole("form", { name: "Add a number" });
    await form.getByLabel("Number (E.164)").fill("919555");
    await form.getByRole("button", { name: "Add number" }).click();
    await expect(
      page.getByText("Write the phone number in international (E.164) form, e.g. +19195550100.", { exact: true }),
    ).toBeVisible();
    await expect(page.getByText(/e164:/)).toHaveCount(0);
    await saveScreen(page, testInfo, "inbox-review-admin-bad-number");
  });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("after a wrong password the password field is cleared and focused", async ({ page }, testInfo) => {
    const user = await createAgent();
    await signIn(page, user.email, "not-the-password");
    await expect(signInError(page)).toHaveText("Wrong email or password.");
    const password = page.getByLabel("Password");
    await expect(password).toBeFocused();
    await expect(password).toHaveValue("");
    await saveScreen(page, testInfo, "inbox-review-wrong-password");
  });
});

test("unread badges stop at 99+; a list that fails to load says so at once, with Try again", async ({
  page,
}, testInfo) => {
  const from = customer();
  const text = `Many messages ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE], text } });
  await expect
    .poll(async () => (await sql(`SELECT 1 FROM messages WHERE text = $1`, [text])).length, { timeout: 10_000 })
    .toBe(1);
  await sql(
    `INSERT INTO messages (id, conversation_id, direction, origin, "from", "to", text, status, created_at, updated_at)
     SELECT gen_random_uuid(), m.conversation_id, 'INBOUND', 'SWITCHBOARD', m."from", m."to", 'again ' || n, 'received',
            m.created_at - n * interval '1 second', now()
     FROM messages m, generate_series(1, 120) AS n WHERE m.text = $1`,
    [text],
  );
  await page.goto("/conversations?view=open");
  const row = page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text });
  await expect(row.getByLabel("More than 99 unread")).toHaveText("99+");
  await saveScreen(page, testInfo, "inbox-review-unread-99-plus");

  // The list request fails: the error shows as soon as it does, with a way to try again.
  await page.route("**/api/conversations?**", (route) => route.abort("internetdisconnected"));
  const started = Date.now();
  await page.reload();
  const problem = page.getByRole("alert").filter({ hasText: "Could not load conversations." });
  await expect(problem).toContainText("Switchboard could not be reached", { timeout: 5_000 });
  expect(Date.now() - started).toBeLessThan(5_000);
  await expect(page.getByText("Loading conversations…")).toHaveCount(0);
  await saveScreen(page, testInfo, "inbox-review-list-failed");
  await page.unroute("**/api/conversations?**");
  await problem.getByRole("button", { name: "Try again" }).click();
  await expect(row).toBeVisible();
});

test.describe("light and dark", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`every inbox screen passes axe (${colorScheme})`, async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme });
      const message = await send(page, { to: customer(), text: `Colour check ${Date.now()}` });
      // A group message partly delivered: the amber and red lines and the Retry button are scanned too.
      const group = await send(page, { to: [customer(), failingWith(5500)], text: `Partly ${Date.now()}` });
      const screens: Array<[string, string]> = [
        ["/conversations?view=open", "conversation list"],
        [`/conversations/${message.conversationId}?view=open`, "a conversation"],
        [`/conversations/${group.conversationId}?view=open`, "a partly delivered group message"],
        ["/conversations/new", "new message"],
        ["/saved-replies", "saved replies"],
        ["/account", "account"],
      ];
      for (const [path, what] of screens) {
        await page.goto(path);
        await settled(page);
        if (what === "a conversation") await expect(page.getByText("Start of the conversation")).toBeVisible();
        if (what === "a partly delivered group message")
          await expect(page.locator("[data-partial-delivery]")).toHaveText("Delivered to 1 of 2", { timeout: 20_000 });
        await expectNoSeriousA11yIssues(page, `${what} (${colorScheme})`);
      }
      await page.setViewportSize(PHONE);
      await page.goto(`/conversations/${group.conversationId}?view=open`);
      await expect(page.locator("[data-partial-delivery]")).toHaveText("Delivered to 1 of 2");
      await expectNoSeriousA11yIssues(page, `a partly delivered group message at 360 px (${colorScheme})`);
      await saveScreen(page, testInfo, `inbox-review-${colorScheme}-partly-delivered-phone`);
    });
  }

  test.describe("as an admin", () => {
    test.use({ storageState: "e2e/.auth/admin.json" });

    for (const colorScheme of ["light", "dark"] as const) {
      test(`every admin screen passes axe (${colorScheme})`, async ({ page }, testInfo) => {
        test.setTimeout(60_000);
        await page.emulateMedia({ colorScheme });
        for (const path of ["/admin", "/admin/audit"]) {
          await page.goto(path);
          await settled(page);
          await expectNoSeriousA11yIssues(page, `${path} (${colorScheme})`);
          await saveScreen(page, testInfo, `inbox-review-${colorScheme}${path.replaceAll("/", "-")}`);
        }
      });
    }
  });
});
