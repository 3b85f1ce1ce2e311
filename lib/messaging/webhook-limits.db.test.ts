import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/bandwidth/[applicationId]/route";
import { db } from "@/lib/db";
import { WEBHOOK_POOL_BOUNDS, webhookPool } from "@/lib/db-pool";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import {
  receivedEvent,
  statusElement,
  testApplication,
  type CallbackElement,
  type TestApplication,
} from "@/lib/testing/webhook-fixtures";
import { ingestCallbacks } from "./ingest-callbacks";
import { MAX_LOCK_KEYS_PER_TRANSACTION } from "./ingest-chunks";

// The webhook under a database that is slow, saturated or locked, and under large batches: it
// answers within its bound (503 and Retry-After when it cannot store), never half-stores, and keeps
// every event exactly once.
let app: TestApplication;
beforeAll(async () => {
  app = await testApplication();
});
afterAll(async () => {
  await Promise.all([db().$disconnect(), webhookPool().end(), testDb().$disconnect(), closeTestPool()]);
});

async function post(elements: CallbackElement[], signal?: AbortSignal) {
  const request = new Request(`http://localhost/api/webhooks/bandwidth/${app.applicationId}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: app.authorization },
    body: JSON.stringify(elements),
    ...(signal ? { signal } : {}),
  });
  const started = Date.now();
  const response = await POST(request, { params: Promise.resolve({ applicationId: app.applicationId }) });
  return {
    status: response.status,
    body: (await response.json()) as { error?: { code: string; message: string }; outcomes?: Record<string, number> },
    retryAfter: response.headers.get("retry-after"),
    ms: Date.now() - started,
  };
}

const storedCount = async (bandwidthMessageIds: string[]) =>
  (
    await testPool().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM messages WHERE bandwidth_message_id = ANY($1::text[])",
      [bandwidthMessageIds],
    )
  ).rows[0]?.n;

const idOf = (element: CallbackElement) => element.message.id as string;

/** An outbound message of ours known by its callbacks, and a row lock held on it by another session. */
async function lockedMessage(owner: string) {
  const known = statusElement("message-sending", owner, [uniqueNumber()]);
  await ingestCallbacks(testPool(), app.applicationId, [known]);
  const blocker = await testPool().connect();
  await blocker.query("BEGIN");
  await blocker.query("SELECT 1 FROM messages WHERE bandwidth_message_id = $1 FOR UPDATE", [idOf(known)]);
  const release = async () => {
    await blocker.query("ROLLBACK");
    blocker.release();
  };
  return { known, release };
}

describe("the webhook when the database cannot keep up", () => {
  it("answers 503 with Retry-After after about 2 s when no connection is free, storing nothing", async () => {
    await post([receivedEvent(await app.number(), uniqueNumber())]); // credentials cached, pool warm
    const held = await Promise.all(Array.from({ length: WEBHOOK_POOL_BOUNDS.max }, () => webhookPool().connect()));
    const event = receivedEvent(await app.number(), uniqueNumber());
    try {
      const answer = await post([event]);
      expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "database_busy" } } });
      expect(answer.body.error?.message).toMatch(/no database connection within 2 s/);
      expect(answer.ms).toBeGreaterThanOrEqual(1_900);
      expect(answer.ms).toBeLessThan(4_000);
    } finally {
      for (const client of held) client.release();
    }
    expect(await storedCount([idOf(event)])).toBe(0);
    expect((await post([event])).status).toBe(200);
    expect(await storedCount([idOf(event)])).toBe(1);
  });

  it("answers 503 when a statement waits on a lock past its timeout, and half a batch is never stored", async () => {
    const owner = await app.number();
    const { known, release } = await lockedMessage(owner);
    const inbound = receivedEvent(owner, uniqueNumber());
    const delivered = statusElement("message-delivered", owner, [known.to as string], { id: idOf(known) });
    let answer;
    try {
      answer = await post([inbound, delivered]);
    } finally {
      await release();
    }
    expect(answer).toMatchObject({ status: 503, retryAfter: "5", body: { error: { code: "database_timeout" } } });
    expect(answer.ms).toBeLessThan(5_000);
    expect(await storedCount([idOf(inbound)])).toBe(0);
    const logged = await testPool().query("SELECT 1 FROM callback_events WHERE bandwidth_message_id = $1", [
      idOf(inbound),
    ]);
    expect(logged.rowCount).toBe(0);
    // Bandwidth's retry stores it all.
    expect(await post([inbound, delivered])).toMatchObject({ status: 200, body: { outcomes: { applied: 2 } } });
  });

  it("rolls back, committing nothing, when the client goes away mid-request", async () => {
    const owner = await app.number();
    const { known, release } = await lockedMessage(owner);
    const inbound = receivedEvent(owner, uniqueNumber());
    const delivered = statusElement("message-delivered", owner, [known.to as string], { id: idOf(known) });
    const client = new AbortController();
    const answer = post([inbound, delivered], client.signal);
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.abort();
    await release(); // the statement it waited on now completes; the request must still not commit
    expect(await answer).toMatchObject({ status: 503, body: { error: { code: "request_aborted" } } });
    expect(await storedCount([idOf(inbound)])).toBe(0);
  });

  it("survives an idle connection killed under it (no uncaught error)", async () => {
    const client = await webhookPool().connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    client.release();
    const before = webhookPool().totalCount;
    await testPool().query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(webhookPool().totalCount).toBe(before - 1);
    expect((await post([receivedEvent(await app.number(), uniqueNumber())])).status).toBe(200);
  });
});

describe("large batches", () => {
  it("hold at most 64 advisory locks at a time, even with 1,000 messages", async () => {
    const owner = await app.number();
    const events = Array.from({ length: 1_000 }, (_, i) =>
      i % 2 ? receivedEvent(owner, uniqueNumber()) : statusElement("message-sending", owner, [uniqueNumber()]),
    );
    let most = 0;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const { rows } = await testPool().query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'
             AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) GROUP BY pid`,
        );
        most = Math.max(most, ...rows.map((row) => row.n));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answer = await post(events);
    watching = false;
    await watch;
    expect(answer).toMatchObject({ status: 200, body: { outcomes: { applied: 1_000 } } });
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(MAX_LOCK_KEYS_PER_TRANSACTION);
  });

  it("store every event exactly once when big batches overlap and single events arrive beside them", async () => {
    const owner = await app.number();
    const events = Array.from({ length: 600 }, () => receivedEvent(owner, uniqueNumber()));
    const batches = Array.from({ length: 6 }, (_, i) =>
      [...events.slice(i * 80, i * 80 + 200)].sort(() => Math.random() - 0.5),
    );
    const singles = Array.from({ length: 40 }, (_, i) =>
      i % 2 ? receivedEvent(owner, uniqueNumber()) : statusElement("message-sending", owner, [uniqueNumber()]),
    );
    const singlesEvery = singles.map(async (single, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 10));
      return post([single]);
    });
    const answers = await Promise.all([...batches.map((batch) => post(batch)), ...singlesEvery]);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const applied = answers.reduce((sum, answer) => sum + (answer.body.outcomes?.applied ?? 0), 0);
    const distinct = new Set([...batches.flat(), ...singles].map(idOf));
    expect(applied).toBe(distinct.size);
    expect(await storedCount([...distinct])).toBe(distinct.size);
    // Single events never waited for the batches: each answered well inside the webhook's bound.
    expect(Math.max(...answers.slice(batches.length).map((answer) => answer.ms))).toBeLessThan(3_000);
  });
});
