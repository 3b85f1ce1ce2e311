import { expect, test, type Page } from "@playwright/test";
import { saveScreen } from "./support/screens";
import { signIn, signInAndWait } from "./support/sign-in";
import { createAgent } from "./support/users";

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel(/(Current|One-time) password/).fill(current);
  await page.getByLabel(/New password/).fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
}

test.describe("a user's own password", () => {
  test("is changed from the account page: this session goes on, the others end", async ({ page, browser }) => {
    const user = await createAgent();
    const elsewhere = await browser.newContext();
    const otherPage = await elsewhere.newPage();
    await signInAndWait(otherPage, user.email, user.password);
    await signInAndWait(page, user.email, user.password);

    await page.getByRole("link", { name: "Account", exact: true }).click();
    await expect(page).toHaveURL(/\/account$/);
    await changePassword(page, "not my password", "a brand new passphrase 7");
    await expect(page.getByRole("form", { name: "Change password" }).getByRole("alert")).toHaveText(
      "Your current password is not right.",
    );
    await changePassword(page, user.password, "a brand new passphrase 7");
    await expect(page).toHaveURL(/\/conversations(\?view=[a-z]+)?$/);
    expect((await page.request.get("/api/me")).status()).toBe(200);

    await otherPage.reload();
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await elsewhere.close();
  });

  test("must be hard to guess: aaaaaaaaaaaa is refused with the library's advice", async ({ page }, testInfo) => {
    const user = await createAgent();
    await signInAndWait(page, user.email, user.password);
    await page.goto("/account");
    await changePassword(page, user.password, "aaaaaaaaaaaa");
    await expect(page.getByText(/Too easy to guess/)).toBeVisible();
    await saveScreen(page, testInfo, "account-weak-password");
    const response = await page.request.post("/api/me/password", {
      data: { currentPassword: user.password, newPassword: "aaaaaaaaaaaa" },
    });
    expect(response.status()).toBe(400);
  });

  test("a one-time password must be replaced before anything else", async ({ page }, testInfo) => {
    const user = await createAgent({ mustChangePassword: true });
    await signIn(page, user.email, user.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Choose your password" })).toBeVisible();
    await saveScreen(page, testInfo, "account-one-time-password");

    await page.goto("/conversations");
    await expect(page).toHaveURL(/\/account$/);
    const api = await page.request.get("/api/conversations");
    expect(api.status()).toBe(403);
    expect(await api.json()).toMatchObject({ error: { code: "password_change_required" } });

    await changePassword(page, user.password, "my very own passphrase 42");
    await expect(page).toHaveURL(/\/conversations(\?view=[a-z]+)?$/);
    expect((await page.request.get("/api/conversations")).status()).toBe(200);
  });
});
