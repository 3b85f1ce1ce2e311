import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { sideways } from "./support/reports";

// Reports (issue 18): axe in light and dark, no sideways scroll at 360 px, and what an agent may see.
test.use({ storageState: "e2e/.auth/admin.json" });

test("the reports pass axe in light and dark and never scroll sideways at 360 px", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const section of ["delivery", "team"]) {
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`/reports?section=${section}`);
      await expect(page.locator("figure svg").first()).toBeVisible();
      await expectNoSeriousA11yIssues(page, `/reports ${section} (${scheme})`);
      await page.setViewportSize({ width: 360, height: 780 });
      await page.waitForLoadState("networkidle");
      expect(await sideways(page), `/reports ${section} scrolls sideways at 360 px (${scheme})`).toBeLessThanOrEqual(0);
      const header = page.getByRole("banner");
      const nav = await header.getByRole("navigation", { name: "Main" }).boundingBox();
      const account = await header.getByRole("link", { name: "Account" }).boundingBox();
      expect((nav?.x ?? 0) + (nav?.width ?? 0), "the header's links overlap at 360 px").toBeLessThanOrEqual(
        account?.x ?? 0,
      );
      await saveScreen(page, testInfo, `reports-${section}-360-${scheme}`);
    }
    await page.goto("/reports/failures?code=4720");
    await expect(page.getByRole("table", { name: "Conversations that failed with 4720" })).toBeVisible();
    expect(await sideways(page), `the drill page scrolls sideways at 360 px (${scheme})`).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yIssues(page, `/reports/failures (${scheme})`);
  }
});

test.describe("agents", () => {
  test.use({ storageState: "e2e/.auth/agent.json" });

  test("see the team section only, and are refused the delivery report and its drill page", async ({
    page,
    request,
  }) => {
    await page.goto("/reports?section=delivery");
    await expect(page.getByRole("navigation", { name: "Report sections" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Refresh now" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "By agent" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Failures by error code" })).toHaveCount(0);

    const today = new Date().toISOString().slice(0, 10);
    const delivery = await request.get(`/api/reports/delivery?from=${today}&to=${today}&tz=UTC`);
    expect(delivery.status()).toBe(403);
    const failures = await request.get(`/api/reports/delivery/failures?code=4720&from=${today}&to=${today}&tz=UTC`);
    expect(failures.status()).toBe(403);
    expect((await request.get(`/api/reports/team?from=${today}&to=${today}&tz=UTC`)).status()).toBe(200);

    const drill = await page.goto("/reports/failures?code=4720");
    expect(drill?.status()).toBe(403);
  });
});
