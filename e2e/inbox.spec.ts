import { expect, test } from "@playwright/test";
import { saveScreen } from "./support/screens";

test.use({ storageState: "e2e/.auth/agent.json" });

test.describe("the demo inbox", () => {
  test("lists the seeded conversations newest first", async ({ page }, testInfo) => {
    await page.goto("/conversations?view=open");
    const list = page.getByRole("list", { name: "Conversations" });
    // Other specs add conversations of their own (newer ones first): scroll until the seeded three
    // have loaded, then check they keep their order by recency.
    await expect(async () => {
      await list.getByRole("link").last().scrollIntoViewIfNeeded();
      await expect(list.getByRole("link").filter({ hasText: "Lee Park" })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const titles = await list.getByRole("link").allInnerTexts();
    const position = (text: string) => titles.findIndex((title) => title.includes(text));
    // By their last messages: Dana's (12 min ago), the failed one (30 min), the group's (40 min).
    expect(position("Perfect, thank you!")).toBeGreaterThanOrEqual(0);
    expect(position("Perfect, thank you!")).toBeLessThan(position("Your appointment is confirmed"));
    expect(position("Your appointment is confirmed")).toBeLessThan(position("Sure, Sunday 10am"));
    await saveScreen(page, testInfo, "conversation-list");
  });

  test("shows a group conversation with each sender's name", async ({ page }, testInfo) => {
    await page.goto("/conversations?view=open");
    // Other specs add conversations above the seeded ones: find it by its text.
    await page.getByLabel("Search conversations").fill("Sure, Sunday 10am");
    await page
      .getByRole("list", { name: "Conversations" })
      .getByRole("link")
      .filter({ hasText: "Sure, Sunday 10am" })
      .first()
      .click();
    await expect(page.getByText("Group of 3")).toBeVisible();
    const thread = page.getByRole("list", { name: "Messages" });
    await expect(thread.getByText("Lee Park", { exact: true }).first()).toBeVisible();
    await expect(thread.getByText("Can we move Saturday's delivery")).toBeVisible();
    await saveScreen(page, testInfo, "group-conversation");
  });

  test("explains a failed message", async ({ page }, testInfo) => {
    await page.goto("/conversations?view=open");
    // Other specs add conversations above the seeded ones: find it by its text.
    await page.getByLabel("Search conversations").fill("Your appointment is confirmed");
    await page
      .getByRole("list", { name: "Conversations" })
      .getByRole("link")
      .filter({ hasText: "Your appointment is confirmed" })
      .first()
      .click();
    await expect(
      page.getByText(
        /Not delivered to \(555\) 555-4432: Messaging to country forbidden \(error 4432\)\. Bandwidth refused it/,
      ),
    ).toBeVisible();
    await saveScreen(page, testInfo, "failed-message");
  });

  test("answers 404 for a conversation that does not exist", async ({ page }) => {
    const response = await page.goto("/conversations/00000000-0000-4000-8000-000000000000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  });
});
