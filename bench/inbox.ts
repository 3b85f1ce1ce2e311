// The inbox's read API on a large database, and live latency: from Bandwidth's status callback to
// the status visible in a browser.
import { randomUUID } from "node:crypto";
import { chromium } from "@playwright/test";
import pg from "pg";
import { BENCH_APPLICATION_ID, BENCH_CALLBACKS, BENCH_NUMBER, type RunningApp } from "./app-server";
import { BIG_THREAD_PARTICIPANT, seedLargeInbox, seedTeamWork } from "./seed-large";
import { percentile, signIn } from "./session";

export const BENCH_ADMIN = { email: "bench@example.com", password: "bench-password-123" };

type Latency = { name: string; p50: number; p95: number; samples: number };

async function timed(name: string, count: number, work: () => Promise<unknown>): Promise<Latency> {
  for (let warm = 0; warm < 10; warm += 1) await work();
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return { name, p50: percentile(samples, 50), p95: percentile(samples, 95), samples: count };
}

export async function benchReadApi(app: RunningApp): Promise<{ seedSeconds: number; rows: Latency[] }> {
  const started = Date.now();
  const connectionString = process.env.DATABASE_URL ?? "";
  const { bigConversationId } = await seedLargeInbox(connectionString);
  await seedTeamWork(connectionString, await userId(connectionString, BENCH_ADMIN.email));
  const seedSeconds = (Date.now() - started) / 1000;
  const cookie = await signIn(app.url, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const get = async (path: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: { cookie } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json() as Promise<{ nextCursor: string | null }>;
  };
  const first = await get("/api/conversations?limit=30");
  const thread = `/api/conversations/${bigConversationId}/messages?limit=50`;
  const threadFirst = await get(thread);
  const rows = [
    await timed("GET /api/health (baseline)", 200, () => fetch(`${app.url}/api/health`).then((r) => r.arrayBuffer())),
    await timed("conversation list, first page (30)", 200, () => get("/api/conversations?limit=30")),
    await timed("conversation list, next page", 200, () =>
      get(`/api/conversations?limit=30&cursor=${first.nextCursor}`),
    ),
    await timed("conversation list, one of our numbers", 200, () =>
      get("/api/conversations?limit=30&ownerNumber=%2B19195550101"),
    ),
    await timed("thread of 5,000 messages, newest page (50)", 200, () => get(thread)),
    await timed("thread of 5,000 messages, older page", 200, () => get(`${thread}&before=${threadFirst.nextCursor}`)),
    await timed("search by number", 50, () =>
      get(`/api/conversations?limit=30&q=${encodeURIComponent(BIG_THREAD_PARTICIPANT.slice(-7))}`),
    ),
  ];
  // The team inbox's views and their counts, for an agent with ~900 conversations of their own.
  for (const view of ["mine", "unassigned", "open", "snoozed", "closed"])
    rows.push(await timed(`view ${view}, first page (30)`, 200, () => get(`/api/conversations?limit=30&view=${view}`)));
  rows.push(await timed("view counts (five views and needs-you)", 200, () => get("/api/conversations/counts")));
  rows.push(
    await timed("view counts, one of our numbers", 200, () =>
      get("/api/conversations/counts?ownerNumber=%2B19195550101"),
    ),
  );
  return { seedSeconds, rows };
}

async function userId(connectionString: string, email: string): Promise<string> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("SELECT id::text FROM users WHERE email = $1", [email]);
    if (!rows[0]) throw new Error(`no user ${email}`);
    return rows[0].id;
  } finally {
    await client.end();
  }
}

/** Inserts an outbound message of ours (as the send worker leaves it), returns its id. */
async function outboundMessage(client: pg.Client, conversationId: string, to: string): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO messages (id, conversation_id, direction, "from", "to", text, tag, status, created_at, updated_at) VALUES ($1::uuid, $2::uuid, 'OUTBOUND', $3, $4, $5, $1::text, 'accepted', now(), now())`,
    [id, conversationId, BENCH_NUMBER, [to], `Live latency probe ${id.slice(0, 8)}`],
  );
  await client.query(
    `INSERT INTO message_recipients (message_id, phone_number, status, updated_at) VALUES ($1, $2, 'accepted', now())`,
    [id, to],
  );
  await client.query(`UPDATE conversations SET last_message_at = now(), last_message_id = $1 WHERE id = $2`, [
    id,
    conversationId,
  ]);
  await client.query(`SELECT pg_notify('switchboard_changes', $1)`, [
    JSON.stringify([{ kind: "message.created", conversationId, messageId: id }]),
  ]);
  return id;
}

export async function benchLiveLatency(app: RunningApp, events = 60): Promise<Latency> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
  try {
    const customer = "+15550007777";
    const conversation = await client.query<{ id: string }>(
      `INSERT INTO conversations (id, owner_number, participants, participants_key, is_group, last_message_at, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, ARRAY[$2], $2, false, now(), now(), now()) ON CONFLICT (owner_number, participants_key) DO UPDATE SET updated_at = now() RETURNING id::text`,
      [BENCH_NUMBER, customer],
    );
    const conversationId = conversation.rows[0]?.id ?? "";
    const [name, value] = (await signIn(app.url, BENCH_ADMIN.email, BENCH_ADMIN.password)).split("=");
    const context = await browser.newContext();
    await context.addCookies([{ name: name ?? "", value: value ?? "", url: app.url }]);
    const page = await context.newPage();
    await page.goto(`${app.url}/conversations/${conversationId}`);
    await page.locator("[data-live=live]").waitFor({ timeout: 30_000 });
    const authorization = `Basic ${Buffer.from(`${BENCH_CALLBACKS.username}:${BENCH_CALLBACKS.password}`).toString("base64")}`;
    const samples: number[] = [];
    for (let index = 0; index < events; index += 1) {
      const id = await outboundMessage(client, conversationId, customer);
      const row = page.locator(`[data-message-id="${id}"]`);
      await row.waitFor({ timeout: 15_000 }); // appears after its own refetch; not what we time
      const now = new Date().toISOString();
      const started = performance.now();
      const response = await fetch(`${app.url}/api/webhooks/bandwidth/${BENCH_APPLICATION_ID}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify([
          {
            type: "message-delivered",
            time: now,
            to: customer,
            description: "Message delivered to handset.",
            message: {
              id: `live-${id}`,
              owner: BENCH_NUMBER,
              applicationId: BENCH_APPLICATION_ID,
              time: now,
              segmentCount: 1,
              direction: "out",
              to: [customer],
              from: BENCH_NUMBER,
              text: "",
              tag: id,
            },
          },
        ]),
      });
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
      await row.locator('span[data-status="delivered"]').first().waitFor({ timeout: 15_000 });
      samples.push(performance.now() - started);
    }
    return {
      name: "status callback → visible in the browser",
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      samples: samples.length,
    };
  } finally {
    await browser.close();
    await client.end();
  }
}
