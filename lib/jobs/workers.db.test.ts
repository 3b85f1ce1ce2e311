import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { closeTestPool, testDb } from "@/lib/testing/test-database";
import { jobQueue, QUEUES, stopJobQueue } from "./queue";
import { startWorkers } from "./workers";

afterAll(async () => {
  // Leave no cron behind for the test files after this one.
  const boss = await jobQueue();
  for (const queue of [QUEUES.catchUp, QUEUES.maintenance, QUEUES.mediaSweep]) await boss.unschedule(queue);
  await stopJobQueue();
  await db().$disconnect();
  await testDb().$disconnect();
  await closeTestPool();
});

describe("the workers", () => {
  it("schedule the catch-up on pg-boss (one job per tick across instances), with the default cron", async () => {
    await startWorkers();
    const boss = await jobQueue();
    const schedules = await boss.getSchedules(QUEUES.catchUp);
    expect(schedules.map((schedule) => [schedule.name, schedule.cron])).toEqual([[QUEUES.catchUp, "*/15 * * * *"]]);
    // A second instance starting changes nothing: still one schedule.
    await startWorkers();
    expect(await boss.getSchedules(QUEUES.catchUp)).toHaveLength(1);
    const queue = await boss.getQueue(QUEUES.catchUp);
    expect(queue).toMatchObject({ retryLimit: 0, expireInSeconds: 1800 });
  });
});
