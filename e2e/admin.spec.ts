import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { customer, sandbox, SANDBOX_URL } from "./support/sandbox";
import { signIn, signInError } from "./support/sign-in";
import { sql } from "./support/users";

test.use({ storageState: "e2e/.auth/admin.json" });

test("an admin connects a legacy Bandwidth account, an application and a number; switches it to API credentials and it keeps sending and receiving", async ({
  page,
  context,
}, testInfo) => {
  test.setTimeout(60_000); // three admin forms, a credentials switch, a send and a reply
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const accountId = String(70_000_000 + Math.floor(Math.random() * 9_000_000));
  const applicationId = randomUUID();
  const ourNumber = `+1919${String(7_000_000 + Math.floor(Math.random() * 2_999_999))}`;
  const apiPassword = `sandbox-secret-${randomUUID()}`;
  // The account as it exists at "Bandwidth" (the sandbox): a legacy API user, still accepted for now.
  await sandbox(`/sandbox/accounts/${accountId}`, { method: "PUT", body: { apiUsername: "ops-api", apiPassword } });
  await sandbox("/sandbox/auth", { method: "PUT", body: { legacyBasicAuth: "accepted" } });
  try {
    await page.goto("/admin");
    await page.getByText("Add a Bandwidth account").click();
    const accountForm = page.getByRole("form", { name: "Add a Bandwidth account" });
    await accountForm.getByLabel("Account id").fill(accountId);
    await accountForm.getByLabel("Name", { exact: true }).fill(`Ops ${accountId}`);
    // API credentials are offered first; the legacy user is explained as retiring.
    await expect(accountForm.getByLabel(/API credentials \(OAuth 2.0/)).toBeChecked();
    await accountForm.getByLabel(/Legacy API user/).check();
    await expect(accountForm.getByText("Bandwidth stops accepting legacy API users on 2 December 2026")).toBeVisible();
    await accountForm.getByLabel("API username", { exact: true }).fill("ops-api");
    await accountForm.getByLabel("API password", { exact: true }).fill(apiPassword);
    await accountForm.getByRole("button", { name: /Use the embedded sandbox/ }).click();
    await expect(accountForm.getByLabel("Messaging API URL")).toHaveValue(`${SANDBOX_URL}/api/v2`);
    await accountForm.getByRole("button", { name: "Add account" }).click();
    const accountRow = page.getByRole("row").filter({ hasText: `Ops ${accountId}` });
    await expect(accountRow).toContainText("Legacy API user: ops-api");
    await expect(accountRow.getByRole("note")).toContainText("Bandwidth stops accepting on 2 December 2026");
    await expect(page.getByRole("region", { name: "Needs your attention" })).toContainText(`Account ${accountId}`);
    await saveScreen(page, testInfo, "admin-legacy-account-warning");
    await expect(page.getByText(apiPassword)).toHaveCount(0);
    await accountRow.getByRole("button", { name: `Test connection of Ops ${accountId}` }).click();
    await expect(accountRow.getByRole("status")).toContainText(
      `Connected with the legacy API user for account ${accountId}, but Bandwidth stops accepting legacy API users on 2 December 2026`,
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
    await page.goto("/conversations?view=open");
    await expect(
      page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: text }),
    ).toBeVisible({ timeout: 20_000 });

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

    // 2 December 2026: Bandwidth refuses the legacy user. The admin switches the account to API
    // credentials made in Bandwidth's dashboard; applications, numbers and history stay.
    await sandbox("/sandbox/auth", { method: "PUT", body: { legacyBasicAuth: "refused" } });
    const client = (await sandbox(`/sandbox/accounts/${accountId}/credentials`, { body: {} })).body as {
      clientId: string;
      clientSecret: string;
    };
    await page.goto("/admin");
    const row = page.getByRole("row").filter({ hasText: `Ops ${accountId}` });
    await row.getByRole("button", { name: `Test connection of Ops ${accountId}` }).click();
    await expect(row.getByRole("status")).toContainText(
      "rejected the credentials (HTTP 401), using the legacy API user",
    );
    await row.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("form", { name: `Edit Ops ${accountId}` });
    await edit.getByLabel(/API credentials \(OAuth 2.0/).check();
    await edit.getByLabel("Client id", { exact: true }).fill(client.clientId);
    await edit.getByLabel("Client secret", { exact: true }).fill(client.clientSecret);
    await edit.getByLabel("Token URL").fill(`${SANDBOX_URL}/api/v1/oauth2/token`);
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(row).toContainText(`API credentials: ${client.clientId}`);
    await expect(row.getByRole("note")).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Needs your attention" })).toHaveCount(0);
    await row.getByRole("button", { name: `Test connection of Ops ${accountId}` }).click();
    await expect(row.getByRole("status")).toHaveText(
      `Connected with API credentials (OAuth 2.0): Bandwidth issued a token and accepted it for account ${accountId}.`,
    );
    await saveScreen(page, testInfo, "admin-account-switched-to-api-credentials");
    await expect(page.getByText(client.clientSecret)).toHaveCount(0);
    expect(await (await page.request.get("/api/admin/accounts")).text()).not.toContain(client.clientSecret);

    // Sending goes out on a Bearer token and is delivered; receiving still arrives.
    const to = customer();
    const sent = await page.request.post("/api/messages", { data: { from: ourNumber, to, text: "After the switch" } });
    expect(sent.status()).toBe(202);
    const { message } = (await sent.json()) as { message: { id: string; conversationId: string } };
    await expect
      .poll(async () => {
        const thread = await page.request.get(`/api/conversations/${message.conversationId}/messages`);
        const body = (await thread.json()) as { messages: Array<{ id: string; status: string }> };
        return body.messages.find((entry) => entry.id === message.id)?.status;
      })
      .toBe("delivered");
    const requests = (await sandbox("/sandbox/requests")).body as Array<{
      path: string;
      status: number;
      username: string | null;
    }>;
    expect(
      requests.filter((entry) => entry.path === `/api/v2/users/${accountId}/messages` && entry.status === 202).at(-1)
        ?.username,
    ).toBe(client.clientId);
    const reply = `Still here ${Date.now()}`;
    await sandbox("/sandbox/inbound", { body: { from: to, to: [ourNumber], text: reply } });
    await page.goto("/conversations?view=open");
    await expect(
      page.getByRole("list", { name: "Conversations" }).getByRole("link").filter({ hasText: reply }),
    ).toBeVisible();
  } finally {
    await sandbox("/sandbox/auth", { method: "PUT", body: { legacyBasicAuth: "refused" } });
  }
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
  // Signed in, but first asked to replace the one-time password.
  await expect(agentPage).toHaveURL(/\/account$/);

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
      { accountId: "12ab", name: "x", credentialId: "u", credentialSecret: "p" },
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
