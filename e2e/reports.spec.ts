import { expect, test } from "@playwright/test";
import { inbound } from "./support/consent";
import { customer, SUPPORT_LINE } from "./support/sandbox";
import { saveScreen } from "./support/screens";
import { sql } from "./support/users";
import { failingWith, send, settle, text } from "./support/reports";

// Reports (issue 18): the page's charts and tables from data this test sends through the sandbox,
// the drill from an error code to its conversations, a table's CSV. Who may see what, axe and 360 px:
// reports-access.spec.ts.
test.use({ storageState: "e2e/.auth/admin.json" });
test.describe.configure({ mode: "serial" });

const failedOne = failingWith(4720);
const failedInGroup = failingWith(4720);
const delivered = customer();

test("an admin reads delivery and team reports, drills from an error code to its conversations and downloads a table", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(120_000);
  const sends = [
    await send(request, delivered, "Reports: delivered"),
    await send(request, failedOne, "Reports: fails with 4720"),
    await send(request, [customer(), failedInGroup], "Reports: a group, one fails"),
  ];
  await inbound(delivered, "Reports: a customer writes in");
  for (const message of sends) await settle(request, message);

  await page.goto("/reports");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  // The rollups refresh every minute; an admin can bring them up to date at once.
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith("/api/reports/refresh") && response.ok()),
    page.getByRole("button", { name: "Refresh now" }).click(),
  ]);
  await expect(page.getByText(/^Figures as of /)).toBeVisible();

  // Figures from what this test sent: at least our two 4720 failures, the same as the API says.
  const codes = page.getByRole("table", { name: "Failures by error code" });
  const row4720 = codes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "4720", exact: true }) });
  await expect(row4720).toContainText("invalid-destination-address");
  const params = new URL(page.url()).searchParams;
  const tz = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const api = await request.get(
    `/api/reports/delivery?from=${params.get("from")}&to=${params.get("to")}&tz=${encodeURIComponent(tz)}`,
  );
  expect(api.status()).toBe(200);
  const report = (await api.json()) as {
    errorCodes: Array<{ code: number; count: number }>;
    totals: { delivered: number };
  };
  const count4720 = report.errorCodes.find((row) => row.code === 4720)?.count ?? 0;
  expect(count4720).toBeGreaterThanOrEqual(2);
  await expect(row4720.getByRole("cell").nth(3)).toHaveText(String(count4720), { useInnerText: true });
  await expect(page.locator("[data-tile='Delivered']")).toHaveText(report.totals.delivered.toLocaleString("en-US"));

  // Charts are drawn (SVG), each with its summary and its table view.
  await expect(
    page
      .getByRole("img", { name: /^Delivery rate/ })
      .locator("svg")
      .first(),
  ).toBeVisible();
  await expect(
    page
      .getByRole("img", { name: /^Failures by error code: .*4720/ })
      .locator("svg")
      .first(),
  ).toBeVisible();
  await page.locator("summary", { hasText: "Recipients by outcome" }).click();
  await expect(page.getByRole("table", { name: /^Delivery by (day|hour)$/ }).getByRole("row")).not.toHaveCount(0);
  await expect(page.getByRole("table", { name: "Delivery by carrier" })).toBeVisible();
  await expect(page.getByRole("table", { name: "SMS and MMS" })).toContainText("MMS");
  await saveScreen(page, testInfo, "reports-delivery-1280");

  // The table's CSV: its header and exactly its rows.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV: Failures by error code" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^delivery-error-codes-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...lines] = (await text(download))
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(header).toBe("Code,Error,Meaning,Send again?,Failures,Share");
  const line = lines.find((l) => l.startsWith("4720,"));
  expect(line).toMatch(new RegExp(`^4720,invalid-destination-address,(".+"|[^,]+),No,${count4720},\\d+\\.\\d%$`));
  expect(lines).toHaveLength(report.errorCodes.length);

  // From the error code to the conversations it hit, then into one of them.
  await row4720.getByRole("link", { name: "Conversations that failed with 4720" }).click();
  await expect(page).toHaveURL(/\/reports\/failures\?code=4720&/);
  await expect(page.getByRole("heading", { name: /Error 4720/ })).toBeVisible();
  const conversations = page.getByRole("table", { name: "Conversations that failed with 4720" });
  await expect(conversations).toContainText(failedOne);
  await expect(conversations).toContainText(failedInGroup);
  const [drillCsv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV: Conversations that failed with 4720" }).click(),
  ]);
  expect(drillCsv.suggestedFilename()).toMatch(/^delivery-failures-4720-.*\.csv$/);
  expect(await text(drillCsv)).toContain(`${failedOne},${SUPPORT_LINE},One-to-one,1,`);
  await saveScreen(page, testInfo, "reports-failures-1280");
  await conversations.getByRole("link", { name: `Open the conversation with ${failedOne}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/conversations/${sends[1]?.conversationId}`));
  await expect(page.getByTestId("thread-scroller").getByText("Reports: fails with 4720")).toBeVisible();

  // The team section: volume, the admin as an agent, the heatmap with its table.
  await page.goto("/reports");
  await page.getByRole("navigation", { name: "Report sections" }).getByRole("link", { name: "Team" }).click();
  await expect(page).toHaveURL(/section=team/);
  await expect(page.getByRole("table", { name: "By agent" })).toContainText("Avery Admin");
  await expect(page.getByRole("table", { name: "By number" })).toContainText(SUPPORT_LINE);
  await expect(
    page
      .getByRole("img", { name: /^Messages by (day|hour)/ })
      .locator("svg")
      .first(),
  ).toBeVisible();
  await page.locator("summary", { hasText: "Customers' messages by weekday and hour" }).click();
  const heatmap = page.getByRole("table", { name: "Customers' messages by weekday and hour" });
  await expect(heatmap.locator("tbody tr")).toHaveCount(7);
  await saveScreen(page, testInfo, "reports-team-1280");

  // The controls keep the view in the address: a preset, one of our numbers, custom days.
  const today = await page.evaluate(() => new Intl.DateTimeFormat("en-CA").format(new Date()));
  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Today" });
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}&section=team`));
  await page.getByLabel("Number", { exact: true }).selectOption(SUPPORT_LINE);
  await expect(page).toHaveURL(/number=%2B19195550100/);
  await expect(page.getByRole("table", { name: "By number" }).locator("tbody tr")).toHaveCount(1);
  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Custom…" });
  await page.getByLabel("From", { exact: true }).fill("2026-01-02");
  await page.getByLabel("To", { exact: true }).fill("2026-01-01");
  await expect(page.getByRole("group", { name: "Report range" }).getByRole("alert")).toContainText(
    "The first day must not be after the last.",
  );
  await page.reload();
  await expect(page.getByLabel("Number", { exact: true })).toHaveValue(SUPPORT_LINE);
  await expect(page.getByRole("table", { name: "By agent" })).toContainText("Avery Admin");
});

test("the demo's month: failures by code and carrier, unconfirmed receipts, answers and closings", async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.goto("/reports");
  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Last 30 days" });
  const codes = page.getByRole("table", { name: "Failures by error code" });
  // The history is seeded at start; the rollup's first run takes it in (Refresh now if not yet).
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh now" }).click();
    await expect(codes.getByRole("rowheader", { name: "4770", exact: true })).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 60_000 });
  await expect(codes.getByRole("rowheader", { name: "9902", exact: true })).toBeVisible();
  await expect(page.locator("[data-tile='Unconfirmed']")).not.toHaveText("0");
  await expect(page.getByRole("table", { name: "Delivery by carrier" })).toContainText("US Cellular");
  await expect(page.getByRole("table", { name: "One-to-one and group" })).toContainText("One-to-one");
  await saveScreen(page, testInfo, "reports-demo-month-delivery-1280");

  await page.getByRole("navigation", { name: "Report sections" }).getByRole("link", { name: "Team" }).click();
  await expect(page.locator("[data-tile='Time to close, median']")).not.toHaveText("—");
  await expect(page.locator("[data-tile='First response, median']")).not.toHaveText("—");
  await expect(page.getByRole("table", { name: "By agent" })).toContainText("Sam Agent");
  await page.emulateMedia({ colorScheme: "dark" });
  await saveScreen(page, testInfo, "reports-demo-month-team-1280-dark");
  await page.emulateMedia({ colorScheme: "light" });
});

test("the drill page loads more by the cursor and its CSV has every row loaded", async ({ page }) => {
  // 51 recipients that failed with 4730 in conversations of their own (closed: out of the inbox's
  // open views), stored as the webhook would have, then the figures brought up to date.
  await sql(
    `WITH c AS (
       INSERT INTO conversations (id, owner_number, participants, participants_key, status, last_message_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1, ARRAY['+1555073' || lpad(i::text, 4, '0')], '+1555073' || lpad(i::text, 4, '0'), 'closed',
              now() - (i || ' minutes')::interval, now() - interval '1 hour', now()
       FROM generate_series(0, 50) AS i
       ON CONFLICT (owner_number, participants_key) DO NOTHING
       RETURNING id, participants, last_message_at
     ), m AS (
       INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, created_at, updated_at)
       SELECT gen_random_uuid(), c.id, 'OUTBOUND', $1, c.participants, 'Drill page paging', 'failed', c.last_message_at, now() FROM c
       RETURNING id, "to", created_at
     )
     INSERT INTO message_recipients (message_id, phone_number, status, error_code, status_at, updated_at)
     SELECT m.id, m.to[1], 'failed', 4730, m.created_at, now() FROM m`,
    [SUPPORT_LINE],
  );
  expect((await page.request.post("/api/reports/refresh")).status()).toBe(200);
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/reports/failures?code=4730&from=${yesterday}&to=${today}`);
  const table = page.getByRole("table", { name: "Conversations that failed with 4730" });
  await expect(table.locator("tbody tr")).toHaveCount(50);
  const nextPage = page.waitForRequest((request) => new URL(request.url()).searchParams.has("cursor"));
  await page.getByRole("button", { name: "Load more" }).click();
  await nextPage;
  await expect(table.locator("tbody tr")).toHaveCount(51);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download CSV: Conversations that failed with 4730" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`delivery-failures-4730-${yesterday}-to-${today}.csv`);
  const lines = (await text(download)).trim().split("\r\n");
  expect(lines).toHaveLength(52);
  // The latest failure first: the last row is the oldest, +1555 073 0050.
  expect(lines.at(-1)).toMatch(/^\+15550730050,\+19195550100,One-to-one,1,/);
});
