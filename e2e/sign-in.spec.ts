import { expect, test } from "@playwright/test";
import { saveScreen } from "./support/screens";
import { signIn, signInAndWait, signInError } from "./support/sign-in";
import { ADMIN, AGENT, createAgent, deactivate } from "./support/users";

test.describe("signing in and out", () => {
  test("the sign-in page", async ({ page }, testInfo) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in to Switchboard" })).toBeVisible();
    await saveScreen(page, testInfo, "sign-in");
  });

  test("an admin signs in to the inbox and sees the admin area", async ({ page }, testInfo) => {
    await signInAndWait(page, ADMIN.email, ADMIN.password);
    await expect(page.getByTestId("current-user")).toHaveText(`${ADMIN.name} · Admin`);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toBeVisible();
    await saveScreen(page, testInfo, "inbox-as-admin");
  });

  test("an agent signs in to the inbox without the admin area", async ({ page }, testInfo) => {
    await signInAndWait(page, AGENT.email, AGENT.password);
    await expect(page.getByTestId("current-user")).toHaveText(`${AGENT.name} · Agent`);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
    await saveScreen(page, testInfo, "inbox-as-agent");
  });

  test("a wrong password gets a clear message", async ({ page }, testInfo) => {
    const user = await createAgent();
    await signIn(page, user.email, "not-the-password");
    await expect(signInError(page)).toHaveText("Wrong email or password.");
    await expect(page).toHaveURL(/\/sign-in/);
    await saveScreen(page, testInfo, "sign-in-wrong-password");
  });

  test("an empty form explains what is missing without a round trip", async ({ page }, testInfo) => {
    await page.goto("/sign-in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email address")).toBeVisible();
    await expect(page.getByText("Enter your password")).toBeVisible();
    await saveScreen(page, testInfo, "sign-in-empty");
  });

  test("signing out ends the session, on the server too: a saved cookie is refused after", async ({
    page,
    browser,
  }, testInfo) => {
    const user = await createAgent();
    await signInAndWait(page, user.email, user.password);
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await saveScreen(page, testInfo, "signed-out");
    await page.goto("/conversations");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fconversations/);

    // Someone who copied the cookie before the sign-out replays it.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    expect((await replay.request.get("/api/me")).status()).toBe(401);
    const replayed = await replay.newPage();
    await replayed.goto("/conversations");
    await expect(replayed).toHaveURL(/\/sign-in/);
    await replay.close();
  });

  test("returns to the page asked for after signing in", async ({ page }) => {
    await page.goto("/admin");
    await expect(page).toHaveURL(/callbackUrl=%2Fadmin/);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
  });

  test("a signed-in visit to the sign-in page never leaves the site, whatever the callbackUrl", async ({ page }) => {
    await signInAndWait(page, AGENT.email, AGENT.password);
    for (const callbackUrl of [
      "%2F%09%2Fevil.example",
      "%2F%5Cevil.example",
      "%2F%2Fevil.example",
      "https%3A%2F%2Fevil.example",
    ]) {
      await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/conversations(\?view=[a-z]+)?$/);
    }
    for (const callbackUrl of ["%2Fconversations%0A", "%2F%0D%0ASet-Cookie%3A%20x%3D1", "%2Fa&callbackUrl=%2Fb"]) {
      const response = await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
      expect(response?.status()).toBeLessThan(400);
      await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/conversations(\?view=[a-z]+)?$/);
    }
  });

  test("a deactivated user cannot sign in", async ({ page }, testInfo) => {
    const user = await createAgent({ active: false });
    await signIn(page, user.email, user.password);
    await expect(signInError(page)).toContainText("deactivated");
    await saveScreen(page, testInfo, "sign-in-deactivated");
  });

  test("deactivating a user ends their session at once", async ({ page }) => {
    const user = await createAgent();
    await signInAndWait(page, user.email, user.password);
    await deactivate(user.email);
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/me")).status()).toBe(401);
  });

  test("repeated failures from one address refuse it for that account for a while", async ({ page }, testInfo) => {
    const user = await createAgent();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await signIn(page, user.email, `wrong-${attempt}`);
      await expect(signInError(page)).toHaveText("Wrong email or password.");
    }
    await signIn(page, user.email, user.password);
    await expect(signInError(page)).toHaveText(/Too many failed sign-ins\. Try again in \d+ minutes?\./);
    await saveScreen(page, testInfo, "sign-in-rate-limited");
  });
});
