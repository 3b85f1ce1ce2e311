// Runs once when a server instance starts: a bad environment stops it here, with every problem
// listed, instead of failing on the first request that needs the missing value. Then this
// instance starts its share of the background work (the send queue's workers).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const config = env();
  if (config.JOB_WORKERS) {
    const { startWorkers } = await import("@/lib/jobs/workers");
    await startWorkers();
  }
}
