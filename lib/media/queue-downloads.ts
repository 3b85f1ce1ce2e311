import "server-only";
import { enqueueMany, QUEUES } from "@/lib/jobs/queue";

/** Queues the download of newly stored inbound media (called by the webhook after its commit). */
export async function queueMediaDownloads(mediaIds: string[]): Promise<void> {
  await enqueueMany(
    QUEUES.fetchMedia,
    mediaIds.map((mediaId) => ({ mediaId, attempts: 0 })),
  );
}
