import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { createPrismaClient, db } from "@/lib/db";
import { SATURATED_WHEN_WAITING, WEBHOOK_POOL_BOUNDS, webhookPool } from "@/lib/db-pool";
import { testDb } from "@/lib/testing/test-database";
import { checkHealth } from "./health";

describe("health", () => {
  const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere");
  afterAll(async () => {
    await Promise.all([testDb().$disconnect(), unreachable.$disconnect(), db().$disconnect(), webhookPool().end()]);
  });

  it("is ok when the database answers", async () => {
    expect(await checkHealth(testDb())).toMatchObject({ status: "ok", database: "up" });
  });

  it("is unavailable when it does not", async () => {
    expect(await checkHealth(unreachable)).toMatchObject({
      status: "unavailable",
      database: "down",
      error: expect.stringMatching(/database unreachable/),
    });
  });

  it("stays ok while the webhook's pool is busy but turns connections over quickly", async () => {
    const pool = webhookPool();
    const busy = Array.from({ length: 60 }, () =>
      pool.connect().then((client) => setTimeout(() => client.release(), 20)),
    );
    expect(await checkHealth(testDb())).toMatchObject({ status: "ok" });
    await Promise.all(busy);
  });

  it("answers 503 while the webhook's pool is saturated, so a load balancer sends elsewhere", async () => {
    const pool = webhookPool();
    const held = await Promise.all(Array.from({ length: WEBHOOK_POOL_BOUNDS.max }, () => pool.connect()));
    const waiting = Array.from({ length: SATURATED_WHEN_WAITING }, () =>
      pool.connect().then(
        (client) => client.release(),
        () => undefined,
      ),
    );
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toMatchObject({
        status: "unavailable",
        database: "saturated",
        error: expect.stringMatching(/webhook saturated: no database connection within 1000 ms, 1\d requests waiting/),
      });
    } finally {
      for (const client of held) client.release();
    }
    await Promise.all(waiting);
    expect((await GET()).status).toBe(200);
  });
});
