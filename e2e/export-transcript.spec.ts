import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { sql } from "./support/users";
import { noHorizontalScroll, seedConversation } from "./support/export";

// Issue 18, export: the printable transcript (to PDF by Chromium) and its JSON. The range exports:
// export.spec.ts. Isolated from the other specs: a number that is not one of ours and days long past.

test.use({ storageState: "e2e/.auth/admin.json" });

test("an admin prints a conversation's transcript to PDF and downloads it as JSON; both are audited", async ({
  page,
}, testInfo) => {
  const { id, bob } = await seedConversation();
  const response = await page.goto(`/conversations/${id}/transcript?tz=UTC`);
  expect(response?.status()).toBe(200);
  const transcript = page.getByRole("list", { name: "Transcript" });
  await expect(transcript.getByRole("listitem").filter({ hasText: "Here is the photo" })).toContainText(
    "Alice Printed",
  );
  await expect(transcript).toContainText("Internal note");
  await expect(transcript).toContainText("Bob's number bounces: call him");
  await expect(transcript).toContainText("Automatic");
  await expect(transcript).toContainText("error 4720: Carrier Rejected as Invalid Destination Address");
  await expect(transcript).toContainText("carrier T-Mobile USA");
  await expect(transcript.getByRole("link", { name: "parcel.jpg" })).toHaveAttribute(
    "href",
    /\/api\/media\/[0-9a-f-]{36}$/,
  );
  await expectNoSeriousA11yIssues(page, "transcript");
  await saveScreen(page, testInfo, "export-transcript");

  const pdf = await page.pdf({ format: "A4", printBackground: false });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.byteLength).toBeGreaterThan(5_000);
  expect(pdf.byteLength).toBeLessThan(5_000_000);
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  expect(pages.length).toBeLessThanOrEqual(3);
  await testInfo.attach("transcript.pdf", { body: pdf, contentType: "application/pdf" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download JSON" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`conversation-${id}.json`);
  const json = JSON.parse(readFileSync((await download.path()) ?? "", "utf8")) as {
    conversation: { participants: Array<{ phoneNumber: string; label: string | null }> };
    messages: Array<{
      author: string;
      text: string;
      recipients: Array<{ phoneNumber: string; errorCode: number | null }>;
    }>;
    notes: Array<{ body: string; internal: boolean }>;
  };
  expect(json.messages.map((message) => message.author)).toEqual(["Alice Printed", "Avery Admin", "Automatic"]);
  expect(json.messages[1]?.recipients.find((recipient) => recipient.phoneNumber === bob)?.errorCode).toBe(4720);
  expect(json.notes).toEqual([expect.objectContaining({ body: "Bob's number bounces: call him", internal: true })]);

  const audited = await sql<{ action: string }>(
    `SELECT action FROM audit_log WHERE target_type = 'export' AND details->>'conversationId' = $1 ORDER BY id`,
    [id],
  );
  expect(audited.map((row) => row.action)).toEqual(["export.transcript_view", "export.conversation_json"]);

  // On a phone, and in dark mode: no sideways scrolling, readable.
  await page.setViewportSize({ width: 360, height: 780 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await noHorizontalScroll(page);
  await saveScreen(page, testInfo, "export-transcript-360-dark");
});

test("the conversation header links admins to the transcript", async ({ page }) => {
  const { id } = await seedConversation();
  await page.goto(`/conversations/${id}`);
  await page.getByRole("link", { name: "Transcript" }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${id}/transcript\\?tz=`));
  await expect(page.getByRole("heading", { name: "Conversation transcript" })).toBeVisible();
});
