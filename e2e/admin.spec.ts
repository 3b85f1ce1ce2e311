import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { customer, sandbox, SANDBOX_URL } from "./support/sandbox";
import { signIn, signInError } from "./support/sign-in";
import { sql } from "./support/users";

test.use({ storageState: "e2e/.auth/admin.json" });

test("an admin connects a Bandwidth account, an application and a number; a text to it arrives in the inbox", async ({
  page,
  context,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const accountId = String(70_000_000 + Math.floor(Math.random() * 9_000_000));
  const applicationId = randomUUID();
  const ourNumber = `+1919${String(7_000_000 + Math.floor(Math.random() * 2_999_999))}`;
  const apiPassword = `sandbox-secret-${randomUUID()}`;
  // The account as it exists at "Bandwidth" (the sandbox).
  await sandbox(`/sandbox/accounts/${accountId}`, { method: "PUT", body: { apiUsername: "ops-api", apiPassword } });

  await page.goto("/admin");
  await page.getByText("Add a Bandwidth account").click();
  const accountForm = page.getByRole("form", { name: "Add a Bandwidth account" });
  await accountForm.getByLabel("Account id").fill(accountId);
  await accountForm.getByLabel("Name", { exact: true }).fill(`Ops ${accountId}`);
  await accountForm.getByLabel("API username or token").fill("ops-api");
  await accountForm.getByLabel("API password or secret").fill(apiPassword);
  await accountForm.getByRole("button", { name: /Use the embedded sandbox/ }).click();
  await expect(accountForm.getByLabel("Messaging API URL")).toHaveValue(`${SANDBOX_URL}/api/v2`);
  await accountForm.getByRole("button", { name: "Add account" }).click();
  const accountRow = page.getByRole("row").filter({ hasText: `Ops ${accountId}` });
  await expect(accountRow).toContainText("set");
  await expect(page.getByText(apiPassword)).toHaveCount(0);
  await accountRow.getByRole("button", { name: `Test connection of Ops ${accountId}` }).click();
  await expect(accountRow.getByRole("status")).toHaveText(
    `Connected: Bandwidth accepted the credentials for account ${accountId}.`,
  );

  await page.getByText("Add an application").click();
  const applicationForm = page.getByRole("form", { name: "Add an application" });
  await applicationForm.getByLabel("Bandwidth application id").fill(applicationId);
  await applicationForm.getByLabel("Name", { exact: true }).fill(`Ops app ${accountId}`);
  await applicationForm.getByLabel("Bandwidth account").selectOption({ label: `Ops ${accountId} (${accountId})` });
  await applicationForm.getByRole("button", { name: "Add application" }).click();
  const shown = page.getByRole("status").filter({ hasText: `Callback credentials for Ops app ${accountId}` });
  await expect(shown).toBeVisible();
  const values = await shown.locator("dd code").allTextContents();
  const [callbackUrl, username, password] = values as [string, string, string];
  expect(callbackUrl).toMatch(new RegExp(`/api/webhooks/bandwidth/${applicationId}$`));
  await saveScreen(page, testInfo, "admin-application-credentials-shown-once");
  // Copy the callback URL as an admin would, to paste it into Bandwidth's dashboard.
  const applicationRow = page.getByRole("row").filter({ hasText: applicationId });
  await applicationRow.getByRole("button", { name: `Copy the callback URL of Ops app ${accountId}` }).click();
  await expect(applicationRow.getByText("Copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(callbackUrl);
  await shown.getByRole("button", { name: "I have copied it" }).click();

  await page.getByText("Add a number").click();
  const numberForm = page.getByRole("form", { name: "Add a number" });
  await numberForm.getByLabel("Number (E.164)").fill(ourNumber);
  await numberForm.getByLabel("Label").fill("Ops line");
  await numberForm
    .getByLabel(/Application/)
    .selectOption({ label: `Ops app ${accountId} (${applicationId.slice(0, 8)}…)` });
  await numberForm.getByRole("button", { name: "Add number" }).click();
  await expect(page.getByRole("row").filter({ hasText: ourNumber })).toContainText("Ops line");
  await expectNoSeriousA11yIssues(page, "admin console");
  await saveScreen(page, testInfo, "admin-console");

  // In "Bandwidth's dashboard": the application's callback URL and credentials, and the number.
  await sandbox(`/sandbox/applications/${applicationId}`, {
    method: "PUT",
    body: {
      accountId,
      name: "Ops",
      inboundCallbackUrl: copied,
      statusCallbackUrl: copied,
      callbackUsername: username,
      callbackPassword: password,
      numbers: [ourNumber],
    },
  });
  const text = `Hello ops line ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from: customer(), to: [ourNumber], text } });
  await page.goto("/conversations");
  await expect(
    page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text }),
  ).toBeVisible({ timeout: 10_000 });

  // Each change is in the audit log, without secrets.
  await page.goto("/admin/audit");
  for (const action of ["account.create", "application.create", "number.create"]) {
    await expect(
      page
        .locator(`tr[data-action="${action}"]`)
        .filter({ hasText: action === "number.create" ? ourNumber : accountId })
        .first(),
    ).toBeVisible();
  }
  await expect(page.getByText(apiPassword)).toHaveCount(0);
  await expect(page.getByText(password)).toHaveCount(0);
  await page.getByLabel("Kind").selectOption("number");
  await expect(page.locator("tbody tr").first()).toHaveAttribute("data-action", /^number\./);
  await saveScreen(page, testInfo, "admin-audit-log");
  const applicationsJson = await (await page.request.get("/api/admin/applications")).text();
  const accountsJson = await (await page.request.get("/api/admin/accounts")).text();
  expect(applicationsJson).not.toContain(password);
  expect(accountsJson).not.toContain(apiPassword);
});

test("a deactivated agent is signed out at once and cannot sign back in", async ({ page, browser }, testInfo) => {
  const email = `casey-${Date.now()}@example.com`;
  await page.goto("/admin");
  await page.getByText("Add a person").click();
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name", { exact: true }).fill("Casey Temp");
  await form.getByLabel("A one-time password I pass on").check();
  await form.getByRole("button", { name: "Add" }).click();
  const shown = page.getByRole("status").filter({ hasText: "One-time password for Casey Temp" });
  const oneTimePassword = (await shown.locator("dd code").textContent()) ?? "";
  expect(oneTimePassword.length).toBeGreaterThanOrEqual(16);

  const agentContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, email, oneTimePassword);
  await expect(agentPage).toHaveURL(/\/conversations/);

  const row = page.getByRole("row").filter({ hasText: email });
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Deactivate Casey Temp" }).click();
  await expect(row).toContainText("Deactivated");
  await saveScreen(page, testInfo, "admin-agent-deactivated");

  // Their open session ends: the next request is signed out, the API answers 401.
  expect((await agentPage.request.get("/api/conversations")).status()).toBe(401);
  await agentPage.goto("/conversations");
  await expect(agentPage).toHaveURL(/\/sign-in/);
  await signIn(agentPage, email, oneTimePassword);
  await expect(signInError(agentPage)).toBeVisible();
  await expect(agentPage).toHaveURL(/\/sign-in/);
  await agentContext.close();
});

test("an invited agent chooses a password through the link, once", async ({ page, browser }) => {
  const email = `ivy-${Date.now()}@example.com`;
  await page.goto("/admin");
  await page.getByText("Add a person").click();
  const form = page.getByRole("form", { name: "Add a person" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name", { exact: true }).fill("Ivy Invited");
  await form.getByRole("button", { name: "Add" }).click();
  const link =
    (await page
      .getByRole("status")
      .filter({ hasText: "Invitation link for Ivy Invited" })
      .locator("dd code")
      .textContent()) ?? "";
  expect(link).toMatch(/\/invite\/[\w-]{40,}$/);

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const invitee = await visitor.newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Welcome, Ivy Invited" })).toBeVisible();
  await invitee.getByLabel(/Password/).fill("ivy's own long password");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByRole("status")).toContainText("Your password is set.");
  await signIn(invitee, email, "ivy's own long password");
  await expect(invitee).toHaveURL(/\/conversations/);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "This invitation is not valid" })).toBeVisible();
  await visitor.close();
});

test("bad admin input gets clear 4xx errors", async ({ page }) => {
  const numbers = (await (await page.request.get("/api/admin/numbers")).json()) as {
    numbers: Array<{ e164: string; application: { id: string } }>;
  };
  const existing = numbers.numbers[0]!;
  const cases: Array<[string, string, unknown, number, RegExp]> = [
    [
      "POST",
      "/api/admin/numbers",
      { e164: existing.e164, applicationId: existing.application.id },
      409,
      /already one of our numbers/,
    ],
    ["POST", "/api/admin/numbers", { e164: "(919) 555-0100", applicationId: existing.application.id }, 400, /E\.164/],
    [
      "POST",
      "/api/admin/applications",
      { applicationId: "not-an-id", name: "x", accountId: randomUUID() },
      400,
      /application id is a UUID/,
    ],
    [
      "POST",
      "/api/admin/accounts",
      { accountId: "12ab", name: "x", apiUsername: "u", apiPassword: "p" },
      400,
      /digits only/,
    ],
    ["PATCH", "/api/admin/users/00000000-0000-4000-8000-000000000000", { role: "AGENT" }, 404, /No user/],
  ];
  for (const [method, url, data, status, message] of cases) {
    const response = await page.request.fetch(url, { method, data });
    expect(response.status(), `${method} ${url}`).toBe(status);
    expect(((await response.json()) as { error: { message: string } }).error.message, url).toMatch(message);
  }
  // The demo's only admin cannot demote or deactivate themselves (nor be, by anyone).
  const [admin] = await sql<{ id: string }>(`SELECT id::text FROM users WHERE email = 'admin@example.com'`);
  for (const change of [{ role: "AGENT" }, { active: false }]) {
    const response = await page.request.patch(`/api/admin/users/${admin!.id}`, { data: change });
    expect(response.status()).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain("last active admin");
  }
});
