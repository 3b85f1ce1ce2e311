import { test as setup } from "@playwright/test";
import { signInAndWait } from "./support/sign-in";
import { ADMIN, AGENT } from "./support/users";

// Signs in once per role; specs reuse the saved sessions.
for (const [role, user] of [
  ["admin", ADMIN],
  ["agent", AGENT],
] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAndWait(page, user.email, user.password);
    await page.context().storageState({ path: `e2e/.auth/${role}.json` });
  });
}
