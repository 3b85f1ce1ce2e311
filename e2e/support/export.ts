// Shared by the export specs: a conversation as the transcript shows it, a large range of messages
// long past, numbers that are not ours, the page's sideways scroll.
import { expect, type Page } from "@playwright/test";
import { sql } from "./users";

export const OLD_LINE = "+19995550150";
export const LARGE_DAYS = { from: "2002-06-01", to: "2002-06-10" };
export const LARGE_COUNT = 30_000;

export const number = () => `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

/** A group conversation as the transcript shows it: a delivered and a failed recipient, a file, a note, an automatic reply. */
export async function seedConversation(): Promise<{ id: string; alice: string; bob: string }> {
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
export async function seedLargeRange(): Promise<void> {
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

export async function noHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(
    true,
  );
}
