import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/bandwidth/[applicationId]/route";
import { db } from "@/lib/db";
import { webhookPool } from "@/lib/db-pool";
import { closeTestPool, testDb, uniqueNumber } from "@/lib/testing/test-database";
import { receivedEvent, testApplication, type TestApplication } from "@/lib/testing/webhook-fixtures";

// The webhook's route handler itself, called as Next calls it.
let app: TestApplication;
beforeAll(async () => {
  app = await testApplication();
});
afterAll(async () => {
  await Promise.all([db().$disconnect(), webhookPool().end(), testDb().$disconnect(), closeTestPool()]);
});

async function post(body: string, applicationId = app.applicationId) {
  const request = new Request(`http://localhost/api/webhooks/bandwidth/${applicationId}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: app.authorization },
    body,
  });
  const response = await POST(request, { params: Promise.resolve({ applicationId }) });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("POST /api/webhooks/bandwidth/[applicationId]", () => {
  it("answers 413 to more than 1,000 elements, storing none of them", async () => {
    const owner = await app.number();
    const events = Array.from({ length: 1_001 }, () => receivedEvent(owner, uniqueNumber()));
    const tooMany = await post(JSON.stringify(events));
    expect(tooMany).toEqual({
      status: 413,
      body: { error: { code: "too_many_events", message: expect.stringContaining("1000") } },
    });
    expect(await testDb().message.count({ where: { conversation: { ownerNumber: owner } } })).toBe(0);
    const enough = await post(JSON.stringify(events.slice(0, 1_000)));
    expect(enough).toEqual({ status: 200, body: { received: 1_000, outcomes: { applied: 1_000 } } });
  });
});
