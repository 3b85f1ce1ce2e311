import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boundedPool, WEBHOOK_DEADLINE_MS } from "@/lib/db-pool";
import { closeTestPool, testDb, testPool, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, statusElement, testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";
import { ingestCallbacks } from "./ingest-callbacks";

// A database that stops answering without closing anything (SIGSTOP, a frozen VM): a TCP relay to
// the test server that can stop relaying. The webhook must still answer within its bound.
let app: TestApplication;
let relay: ReturnType<typeof frozenRelay>;
beforeAll(async () => {
  app = await testApplication();
  relay = frozenRelay(new URL(process.env.DATABASE_URL ?? ""));
  await relay.listening;
});
afterAll(async () => {
  relay.close();
  await Promise.all([testDb().$disconnect(), closeTestPool()]);
});

describe("the webhook when the database freezes", () => {
  it("answers 503 within the bound, on a warm connection and on a new one, and stores nothing", async () => {
    const pool = boundedPool(relay.url);
    const owner = await app.number();
    const warmUp = receivedEvent(owner, uniqueNumber());
    await ingestCallbacks(pool, app.applicationId, [warmUp]); // one idle connection through the relay
    relay.freeze();

    const events = [receivedEvent(owner, uniqueNumber()), statusElement("message-sending", owner, [uniqueNumber()])];
    const attempts = [events, [receivedEvent(owner, uniqueNumber())], events, events];
    const answers = await Promise.all(
      attempts.map(async (batch) => {
        const started = Date.now();
        const error = await ingestCallbacks(pool, app.applicationId, batch, {
          signal: AbortSignal.timeout(WEBHOOK_DEADLINE_MS),
        }).catch((caught: unknown) => caught);
        return { error, ms: Date.now() - started };
      }),
    );
    for (const { error, ms } of answers) {
      expect(error).toMatchObject({ status: 503, retryAfterSeconds: 5 });
      expect(ms).toBeLessThan(WEBHOOK_DEADLINE_MS + 3_000);
    }
    // The warm connection timed out on a read; the others found no connection within 2 s.
    expect(answers.map(({ error }) => (error as { code: string }).code).sort()).toEqual([
      "database_busy",
      "database_busy",
      "database_busy",
      "database_timeout",
    ]);
    relay.thaw();
    const stored = await testPool().query("SELECT 1 FROM messages WHERE bandwidth_message_id = ANY($1::text[])", [
      attempts.flat().map((event) => event.message.id),
    ]);
    expect(stored.rowCount).toBe(0);
    await pool.end();
  });
});

/** Relays TCP to the database; `freeze` stops relaying and accepting (nothing is closed). */
function frozenRelay(target: URL) {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (frozen) {
      client.pause();
      sockets.add(client);
      return;
    }
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
    }
    client.on("data", (chunk) => frozen || upstream.write(chunk));
    upstream.on("data", (chunk) => frozen || client.write(chunk));
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listening = new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = () => {
    const relayed = new URL(target);
    relayed.hostname = "127.0.0.1";
    relayed.port = String((server.address() as net.AddressInfo).port);
    return relayed.toString();
  };
  return {
    listening,
    get url() {
      return url();
    },
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}
