import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { signInAndWait } from "./support/sign-in";
import { sql } from "./support/users";
import { LARGE_COUNT, LARGE_DAYS, noHorizontalScroll, seedConversation, seedLargeRange } from "./support/export";

// Issue 18, export: an NDJSON export of a large data set read line by line, bad requests, and what an
// agent may see (the transcript: export-transcript.spec.ts). Isolated from the other specs: a number
// that is not one of ours (admins only) and days long past.

test.use({ storageState: "e2e/.auth/admin.json" });

test("an NDJSON export of a large range streams to disk with progress, parses line by line, and downloads once", async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await seedLargeRange();
  await page.goto("/admin/export");
  await page.getByLabel("From", { exact: true }).fill(LARGE_DAYS.from);
  await page.getByLabel("To", { exact: true }).fill(LARGE_DAYS.to);
  await page.getByLabel("NDJSON").check();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Start export" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`messages-${LARGE_DAYS.from}-to-${LARGE_DAYS.to}.ndjson`);
  const file = (await download.path()) ?? "";
  // Checked in plain code, one expect at the end: 30,000 expect calls would take minutes to trace.
  let lines = 0;
  let outbound = 0;
  const wrong: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const message = JSON.parse(line) as { direction: string; text: string; recipients: Array<{ status: string }> };
    lines += 1;
    if (!/^Large export message \d+, with "quotes", commas and a line\nbreak$/.test(message.text)) wrong.push(line);
    if (message.direction === "OUTBOUND") {
      outbound += 1;
      if (message.recipients.length !== 1 || message.recipients[0]?.status !== "delivered") wrong.push(line);
    }
  }
  expect(wrong.slice(0, 3)).toEqual([]);
  expect(lines).toBe(LARGE_COUNT);
  expect(outbound).toBe(LARGE_COUNT / 2);
  await expect(page.getByRole("status").filter({ hasText: "Done — 30,000 messages" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Export progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(page.getByText(`NDJSON: ${LARGE_DAYS.from} to ${LARGE_DAYS.to}, all numbers`).first()).toBeVisible();
  await saveScreen(page, testInfo, "export-done");

  const [created] = await sql<{ id: string }>(
    `SELECT id::text FROM data_exports WHERE kind = 'messages_ndjson' ORDER BY created_at DESC LIMIT 1`,
  );
  const again = await page.request.get(`/api/admin/exports/${created?.id}/download`);
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ error: { code: "already_downloaded", message: /already downloaded/ } });

  // (After a download the page is reloaded first: axe's frame walk waits on the download's navigation.)
  await page.reload();
  await expect(page.getByRole("cell", { name: "done" }).first()).toBeVisible();
  await expectNoSeriousA11yIssues(page, "export page");

  await page.setViewportSize({ width: 360, height: 780 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Recent exports" })).toBeVisible();
  await noHorizontalScroll(page);
  await saveScreen(page, testInfo, "export-360-dark");
});

test("bad export requests get a clear 4xx, and cross-site ones a 403", async ({ page, browser }) => {
  await page.goto("/admin/export");
  const post = (data: unknown, headers: Record<string, string> = {}) =>
    page.request.post("/api/admin/exports", { data, headers });
  const cases: Array<[unknown, number, RegExp]> = [
    [{ kind: "messages_csv", from: "2026-13-01", to: "2026-12-01" }, 400, /from: must be a real day/],
    [{ kind: "messages_csv", from: "yesterday", to: "2026-12-01" }, 400, /from: must be a real day, YYYY-MM-DD/],
    [{ kind: "messages_csv", from: "2026-12-05", to: "2026-12-01" }, 400, /from: must not be after to/],
    [{ kind: "messages_csv", from: "2024-01-01", to: "2026-12-01" }, 400, /to: a range covers at most 367 days/],
    [
      { kind: "messages_xlsx", from: "2026-12-01", to: "2026-12-01" },
      400,
      /kind: must be messages_csv or messages_ndjson/,
    ],
    [{ kind: "messages_csv", from: "2026-12-01", to: "2026-12-01", tz: "Mars/Olympus" }, 400, /tz: not a time zone/],
    [
      { kind: "messages_csv", from: "2026-12-01", to: "2026-12-01", number: "12" },
      400,
      /number: must be one of our numbers/,
    ],
    [
      { kind: "messages_csv", from: "2026-12-01", to: "2026-12-01", number: "+15550000001" },
      422,
      /not one of our numbers/,
    ],
  ];
  for (const [data, status, message] of cases) {
    const response = await post(data);
    expect(response.status(), JSON.stringify(data)).toBe(status);
    expect((await response.json()).error.message, JSON.stringify(data)).toMatch(message);
  }
  for (const url of ["/api/admin/exports/not-a-uuid", "/api/admin/exports/not-a-uuid/download"]) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  }
  const crossSite = await post(
    { kind: "messages_csv", from: "2026-12-01", to: "2026-12-01" },
    { origin: "https://evil.example" },
  );
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toMatchObject({ error: { code: "cross_site_request" } });

  // Another admin's export: neither its progress nor its file.
  const created = await post({ kind: "messages_csv", from: "2001-01-01", to: "2001-01-01" });
  expect(created.status()).toBe(201);
  const { export: mine } = (await created.json()) as { export: { id: string } };
  const email = `second-admin-${Date.now()}@example.com`;
  await sql(
    `INSERT INTO users (id, email, name, password_hash, role, updated_at) VALUES (gen_random_uuid(), $1, 'Second Admin', $2, 'ADMIN', now())`,
    [email, await hash("second-admin-password")],
  );
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await context.newPage();
  await signInAndWait(other, email, "second-admin-password");
  for (const url of [`/api/admin/exports/${mine.id}`, `/api/admin/exports/${mine.id}/download`]) {
    const response = await other.request.get(url);
    expect(response.status(), url).toBe(403);
    expect((await response.json()).error.message).toMatch(/belongs to another admin/);
  }
  await context.close();
});

test.describe("an agent", () => {
  test.use({ storageState: "e2e/.auth/agent.json" });

  test("is refused the transcript, the export page and the exports API", async ({ page }) => {
    const { id } = await seedConversation();
    for (const url of [`/conversations/${id}/transcript`, "/admin/export"]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(403);
      await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    }
    for (const url of ["/api/admin/exports", `/api/admin/conversations/${id}/export`]) {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(403);
    }
    const posted = await page.request.post("/api/admin/exports", {
      data: { kind: "messages_csv", from: "2001-01-01", to: "2001-01-01" },
    });
    expect(posted.status()).toBe(403);
  });
});
