import { expect, test } from "@playwright/test";
import { BILLING_LINE, customer, sandbox, SUPPORT_LINE } from "./support/sandbox";
import { saveScreen } from "./support/screens";
import { sql } from "./support/users";

// Issue 16, point 7: our own numbers are ours everywhere. A customer's group text that reaches two
// of our numbers is one conversation per number; each names the other as our line (never as a
// contact) and links to the other copy; our reply that reaches our other number is ours there.
test.use({ storageState: "e2e/.auth/admin.json" });
test.describe.configure({ timeout: 90_000 });

async function conversationOn(owner: string, people: string[]): Promise<string> {
  let id = "";
  await expect
    .poll(async () => {
      const rows = await sql<{ id: string }>(
        "SELECT id::text FROM conversations WHERE owner_number = $1 AND participants_key = $2",
        [owner, [...people].sort().join(",")],
      );
      id = rows[0]?.id ?? "";
      return id;
    })
    .not.toBe("");
  return id;
}

test("a group text on two of our numbers: our line named as ours, the copies linked, our reply ours on the other line", async ({
  page,
}, testInfo) => {
  const from = customer();
  const friend = customer();
  const text = `Both lines ${Date.now()}`;
  await sandbox("/sandbox/inbound", { body: { from, to: [SUPPORT_LINE, BILLING_LINE, friend], text } });
  const onSupport = await conversationOn(SUPPORT_LINE, [from, BILLING_LINE, friend]);
  const onBilling = await conversationOn(BILLING_LINE, [from, SUPPORT_LINE, friend]);

  await page.goto(`/conversations/${onSupport}?view=open`);
  const participants = page.getByRole("list", { name: "Participants" });
  await expect(participants.getByText(/\(our line\) · \(919\) 555-0101|Our line · \(919\) 555-0101/)).toBeVisible();
  // Customers can be named; our own line cannot.
  await expect(participants.getByRole("button", { name: /^Name \(555\)/ }).first()).toBeVisible();
  await expect(participants.getByRole("button", { name: "Name (919) 555-0101" })).toHaveCount(0);
  const named = await page.request.put(`/api/contacts/${encodeURIComponent(BILLING_LINE)}`, {
    data: { name: "A customer" },
  });
  expect(named.status()).toBe(422);

  // Reply to the group from the support line: it reaches the billing line too, as ours.
  await page.getByRole("textbox", { name: "Message", exact: true }).fill(`Answer ${text}`);
  await page.getByRole("button", { name: "Send" }).click();
  await saveScreen(page, testInfo, "our-lines-support-copy");

  await page.getByRole("link", { name: "open that copy" }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${onBilling}`));
  await expect(page.getByText("Also received on (919) 555-0100:")).toBeVisible();
  const ours = page
    .getByRole("list", { name: "Messages" })
    .locator("[data-message-id]")
    .filter({ hasText: `Answer ${text}` });
  await expect(ours.getByText("Sent from our line (919) 555-0100")).toBeVisible({ timeout: 20_000 });
  await saveScreen(page, testInfo, "our-lines-billing-copy");

  // Ours, not the customer's: nothing unread on the billing copy after reading the customer's text.
  const unread = async () => {
    const response = await page.request.get(`/api/conversations?view=open&q=${encodeURIComponent(text)}`);
    const body = (await response.json()) as { conversations: Array<{ id: string; unreadCount: number }> };
    return body.conversations.find((conversation) => conversation.id === onBilling)?.unreadCount;
  };
  await expect.poll(unread).toBe(0);
  const [message] = await sql<{ from_our_line: boolean }>(
    "SELECT from_our_line FROM messages WHERE conversation_id = $1::uuid AND text = $2",
    [onBilling, `Answer ${text}`],
  );
  expect(message?.from_our_line).toBe(true);
});
