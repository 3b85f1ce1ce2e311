import type { Page, TestInfo } from "@playwright/test";

/** Saves a full-page screenshot under test-results/e2e/screens/<name>.png and attaches it to the report. */
export async function saveScreen(page: Page, testInfo: TestInfo, name: string) {
  const path = `test-results/e2e/screens/${name}.png`;
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}
