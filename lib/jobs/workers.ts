import "server-only";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { env } from "@/lib/env";
import { mediaStorage } from "@/lib/media/config";
import { findStrandedMedia, processFetchMediaJob, type FetchMediaJob } from "@/lib/media/fetch-inbound-media";
import { deleteAbandonedUploads } from "@/lib/media/uploads";
import { jobQueue, QUEUES } from "./queue";
import { endSnooze, type SnoozeEndJob } from "@/lib/conversations/workflow-store";
import { refreshRollups } from "@/lib/reports/rollup";
import { rollupWindowHours } from "@/lib/reports/reports";
import { catchUpSettings, runCatchUp } from "@/lib/messaging/catch-up/run-catch-up";
import { processConfirmJob, type ConfirmJobData } from "@/lib/messaging/send/confirm-send";
import { sendSettings } from "@/lib/messaging/send/send-deps";
import { processSendJob, type SendJobData } from "@/lib/messaging/send/send-job";

/** Registers this instance's workers (every instance may run them; jobs are taken once). */
export async function startWorkers(): Promise<void> {
  const boss = await jobQueue();
  const deps = {
    database: db(),
    pool: pgPool(),
    settings: sendSettings(),
    storage: mediaStorage(),
    schedule: async (queue: string, data: object, at: Date) => {
      await boss.send(queue, data, { startAfter: at });
    },
  };
  // NOTIFY wakes a worker when a send is queued; a job queued for later (a 429's Retry-After, a
  // paced slot) is only found by polling, so the poll stays short even while NOTIFY is active.
  await boss.work<SendJobData>(
    QUEUES.send,
    { localConcurrency: 4, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 },
    async ([job]) => {
      if (job) await processSendJob(deps, job.data);
    },
  );
  // Bandwidth retries a callback for 24 hours; keys a week old can no longer meet a repeat worth
  // catching (and a very late one still changes nothing: ids are unique, statuses only move forward).
  await boss.schedule(QUEUES.maintenance, "17 3 * * *");
  await boss.work(QUEUES.maintenance, async () => {
    await deps.database.callbackDedupe.deleteMany({
      where: { createdAt: { lt: new Date(Date.now() - 7 * 24 * 3_600_000) } },
    });
    await deleteAbandonedUploads(deps.database);
  });
  const config = env();
  const mediaDeps = {
    database: deps.database,
    pool: deps.pool,
    storage: deps.storage,
    encryptionKey: config.ENCRYPTION_KEY,
    maxBytes: config.MEDIA_MAX_DOWNLOAD_BYTES,
    timeoutMs: config.BANDWIDTH_REQUEST_TIMEOUT_MS * 2,
    schedule: async (data: FetchMediaJob, at: Date) => {
      await boss.send(QUEUES.fetchMedia, data, { startAfter: at });
    },
  };
  await boss.work<FetchMediaJob>(
    QUEUES.fetchMedia,
    { localConcurrency: 2, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 },
    async ([job]) => {
      if (job) await processFetchMediaJob(mediaDeps, job.data);
    },
  );
  await boss.schedule(QUEUES.mediaSweep, "*/5 * * * *");
  await boss.work(QUEUES.mediaSweep, async () => {
    const stranded = await findStrandedMedia(deps.database);
    if (stranded.length > 0)
      await boss.insert(
        QUEUES.fetchMedia,
        stranded.map((data) => ({ data })),
      );
  });
  await boss.work<ConfirmJobData>(
    QUEUES.confirm,
    { pollingIntervalSeconds: 5, notifyPollingIntervalSeconds: 5 },
    async ([job]) => {
      if (job) await processConfirmJob(deps.database, job.data);
    },
  );
  await boss.work<SnoozeEndJob>(
    QUEUES.snoozeEnd,
    { pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 },
    async ([job]) => {
      if (job) await endSnooze(deps.database, job.data);
    },
  );
  // pg-boss makes one job per tick across instances; runCatchUp's lock keeps a slow run from
  // overlapping the next.
  if (config.CATCH_UP_ENABLED) {
    await boss.schedule(QUEUES.catchUp, config.CATCH_UP_CRON);
    await boss.work(QUEUES.catchUp, { pollingIntervalSeconds: 30 }, async () => {
      await runCatchUp({ database: deps.database, pool: deps.pool, ...catchUpSettings() });
    });
  } else {
    await boss.unschedule(QUEUES.catchUp);
  }
  // The reports' figures: the last hours every minute (a run another instance is still doing is left
  // to it), all of history nightly (and on the first run).
  await boss.schedule(QUEUES.reportRollup, "* * * * *");
  await boss.work(QUEUES.reportRollup, { pollingIntervalSeconds: 10 }, async () => {
    await refreshRollups(deps.pool, { windowHours: rollupWindowHours() });
  });
  await boss.schedule(QUEUES.reportRollupFull, "41 2 * * *");
  await boss.work(QUEUES.reportRollupFull, { pollingIntervalSeconds: 60 }, async () => {
    await refreshRollups(deps.pool, { windowHours: rollupWindowHours(), full: true, wait: true });
  });
}
