import { createReadStream, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { hash } from "@node-rs/argon2";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./support/a11y";
import { saveScreen } from "./support/screens";
import { signInAndWait } from "./support/sign-in";
import { sql } from "./support/users";

// Issue 18, export: the printable transcript (to PDF by Chromium) and its JSON, and an NDJSON export
// of a large data set read line by line. Isolated from the other specs: a number that is not one of
// ours (admins only) and days long past, so every list's first page and every range stay theirs.

test.use({ storageState: "e2e/.auth/admin.json" });

const OLD_LINE = "+19995550150";
const LARGE_DAYS = { from: "2002-06-01", to: "2002-06-10" };
const LARGE_COUNT = 30_000;

const number = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

/** A group conversation as the transcript shows it: a delivered and a failed recipient, a file, a note, an automatic reply. */
async function seedConversation(): Promise<{ id: string; alice: string; bob: string }> {
  const [alice, bob] = [number(), number()].sort() as [string, string];
  const [conversation] = await sql<{ id: string }>(
    `INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, ARRAY[$2, $3], $2 || ',' || $3, true, '2001-01-01T10:10:00Z', '2001-01-01T09:00:00Z', now()) RETURNING id::text`,
    [OLD_LINE, alice, bob],
  );
  const id = conversation?.id ?? "";
  await sql(`INSERT INTO contact_labels (phone_number, name, updated_at) VALUES ($1, 'Alice Printed', now())`, [alice]);
  await sql(
    `WITH inbound AS (
       INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, created_at, updated_at)
       VALUES (gen_random_uuid(), $1::uuid, 'INBOUND', $2, ARRAY[$4, $3], 'Here is the photo of the parcel', 'received', '2001-01-01T10:00:00Z', now())
       RETURNING id)
     INSERT INTO media (id, message_id, file_name, content_type, size, status, position, created_at, updated_at)
     SELECT gen_random_uuid(), id, 'parcel.jpg', 'image/jpeg', 2048, 'stored', 0, now(), now() FROM inbound`,
    [id, alice, bob, OLD_LINE],
  );
  await sql(
    `WITH reply AS (
       INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, sent_by_id, created_at, updated_at)
       VALUES (gen_random_uuid(), $1::uuid, 'OUTBOUND', $4, ARRAY[$2, $3], 'Thanks, we are on it', 'failed',
               (SELECT id FROM users WHERE email = 'admin@example.com'), '2001-01-01T10:05:00Z', now())
       RETURNING id)
     INSERT INTO message_recipients (message_id, phone_number, status, error_code, error_description, carrier_name, status_at, updated_at)
     SELECT reply.id, r.phone, r.status::"DeliveryStatus", r.code, r.description, r.carrier, r.at::timestamptz, now()
     FROM reply, (VALUES ($2, 'delivered', NULL::int, NULL, 'T-Mobile USA', '2001-01-01T10:05:03Z'),
                         ($3, 'failed', 4720, 'invalid-destination-address', NULL, '2001-01-01T10:05:04Z'))
                 AS r(phone, status, code, description, carrier, at)`,
    [id, alice, bob, OLD_LINE],
  );
  await sql(
    `INSERT INTO messages (id, conversation_id, direction, origin, "from", "to", text, status, created_at, updated_at)
     VALUES (gen_random_uuid(), $1::uuid, 'OUTBOUND', 'AUTOMATIC', $3, ARRAY[$2], 'You are unsubscribed', 'delivered', '2001-01-01T10:07:00Z', now())`,
    [id, alice, OLD_LINE],
  );
  await sql(
    `INSERT INTO conversation_notes (id, conversation_id, author_id, body, created_at)
     SELECT gen_random_uuid(), $1::uuid, id, 'Bob''s number bounces: call him', '2001-01-01T10:06:00Z' FROM users WHERE email = 'admin@example.com'`,
    [id],
  );
  return { id, alice, bob };
}

/** LARGE_COUNT messages over LARGE_DAYS, alternating in and out, each outbound with a recipient status. */
async function seedLargeRange(): Promise<void> {
  const [existing] = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM messages WHERE created_at >= $1::date AND created_at < $2::date + 1`,
    [LARGE_DAYS.from, LARGE_DAYS.to],
  );
  if ((existing?.n ?? 0) >= LARGE_COUNT) return;
  const customer = number();
  const [conversation] = await sql<{ id: string }>(
    `INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, ARRAY[$2], $2, false, $3::date, $3::date, now()) RETURNING id::text`,
    [OLD_LINE, customer, LARGE_DAYS.from],
  );
  await sql(
    `WITH inserted AS (
       INSERT INTO messages (id, conversation_id, direction, "from", "to", text, status, segment_count, created_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, CASE WHEN i % 2 = 0 THEN 'INBOUND'::"Direction" ELSE 'OUTBOUND'::"Direction" END,
              CASE WHEN i % 2 = 0 THEN $2 ELSE $3 END, ARRAY[CASE WHEN i % 2 = 0 THEN $3 ELSE $2 END],
              'Large export message ' || i || E', with "quotes", commas and a line\nbreak',
              CASE WHEN i % 2 = 0 THEN 'received'::"DeliveryStatus" ELSE 'delivered'::"DeliveryStatus" END, 1,
              $4::date + (i * 25) * interval '1 second', now()
       FROM generate_series(1, $5::int) AS i
       RETURNING id, direction)
     INSERT INTO message_recipients (message_id, phone_number, status, status_at, updated_at)
     SELECT id, $2, 'delivered', now(), now() FROM inserted WHERE direction = 'OUTBOUND'`,
    [conversation?.id, customer, OLD_LINE, LARGE_DAYS.from, LARGE_COUNT],
  );
}

async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
}

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
