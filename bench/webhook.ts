// The webhook under load, against a Next.js route that does nothing, in the same run; then a check
// that every event the webhook acknowledged is stored exactly once.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { BENCH_APPLICATION_ID, BENCH_CALLBACKS, BENCH_NUMBER, type RunningApp } from "./app-server";
import { load, type LoadResult } from "./load";

export type WebhookReport = {
  baseline: LoadResult;
  webhook: LoadResult;
  ratio: number;
  stored: number;
  distinct: number;
  acknowledged: number;
  storedOnce: boolean;
};

const authorization = `Basic ${Buffer.from(`${BENCH_CALLBACKS.username}:${BENCH_CALLBACKS.password}`).toString("base64")}`;

/** A message-received callback from one of 500 customers, with a fresh message id each time. */
function callbackBody(run: string, counter: { n: number }): string {
  counter.n += 1;
  const now = new Date().toISOString();
  const from = `+1555${String(1_000_000 + (counter.n % 500)).slice(1)}`;
  return JSON.stringify([
    {
      type: "message-received",
      time: now,
      to: BENCH_NUMBER,
      description: "Incoming message received",
      message: {
        id: `bench-${run}-${counter.n}`,
        owner: BENCH_NUMBER,
        applicationId: BENCH_APPLICATION_ID,
        time: now,
        segmentCount: 1,
        direction: "in",
        to: [BENCH_NUMBER],
        from,
        text: `Benchmark message ${counter.n}`,
      },
    },
  ]);
}

export async function benchWebhook(
  app: RunningApp,
  options: { seconds: number; connections: number },
): Promise<WebhookReport> {
  const headers = { "content-type": "application/json", authorization, "user-agent": "BandwidthAPI/v2" };
  const run = randomUUID().slice(0, 8);
  const counter = { n: 0 };
  const webhookUrl = `${app.url}/api/webhooks/bandwidth/${BENCH_APPLICATION_ID}`;
  const noopUrl = `${app.url}/api/bench/noop`;

  // Warm both routes (compilation of the route module, connection pools) before measuring.
  await load({ url: noopUrl, headers, body: () => callbackBody(`warm-${run}`, counter), connections: 10, seconds: 3 });
  await load({
    url: webhookUrl,
    headers,
    body: () => callbackBody(`warm-${run}`, counter),
    connections: 10,
    seconds: 3,
  });

  const baseline = await load({
    url: noopUrl,
    headers,
    body: () => callbackBody(run, { n: 0 }),
    connections: options.connections,
    seconds: options.seconds,
  });
  counter.n = 0;
  const webhook = await load({
    url: webhookUrl,
    headers,
    body: () => callbackBody(run, counter),
    connections: options.connections,
    seconds: options.seconds,
  });

  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ stored: string; distinct: string; messages: string }>(
      `SELECT count(*) AS stored, count(DISTINCT dedupe_key) AS distinct,
              (SELECT count(*) FROM messages WHERE bandwidth_message_id LIKE $1) AS messages
       FROM callback_events WHERE bandwidth_message_id LIKE $1 AND outcome = 'applied'`,
      [`bench-${run}-%`],
    );
    const stored = Number(rows[0]?.stored ?? 0);
    const distinct = Number(rows[0]?.distinct ?? 0);
    const messages = Number(rows[0]?.messages ?? 0);
    return {
      baseline,
      webhook,
      ratio: webhook.perSecond / baseline.perSecond,
      stored,
      distinct,
      acknowledged: webhook.ok,
      // Every 2xx is one stored event, none twice, and one message each. (A request cut off by the
      // load generator's end may still commit: stored can exceed the acknowledged count, never fall short.)
      storedOnce: stored === distinct && messages === stored && stored >= webhook.ok,
    };
  } finally {
    await client.end();
  }
}
