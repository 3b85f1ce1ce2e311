import { expect, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInAndWait(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/conversations/);
}

/** The sign-in form's own message (Next's route announcer is an alert too). */
export function signInError(page: Page) {
  return page.getByRole("form", { name: "Sign in" }).getByRole("alert");
}
