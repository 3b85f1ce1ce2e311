// What the suite watches while the faults happen: each instance's /api/health, and a live stream
// (Server-Sent Events, app/api/events) held open on one instance.
import { ok, sleep } from "./webhook-traffic";

export type HealthSample = { instance: string; at: number; status: number };

/** Polls /api/health of each instance every 300 ms until stopped. */
export function watchHealth(instances: Array<{ name: string; url: string }>): {
  samples: HealthSample[];
  stop(): Promise<void>;
} {
  const samples: HealthSample[] = [];
  let running = true;
  const loops = instances.map(async ({ name, url }) => {
    while (running) {
      const at = Date.now();
      const status = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        })
        .catch(() => 0);
      samples.push({ instance: name, at, status });
      await sleep(300);
    }
  });
  return {
    samples,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

export type LiveStream = {
  /** When the stream carried a notice about this message (our message id), if it did. */
  heardAt(messageId: string): number | undefined;
  close(): void;
};

/** A signed-in browser's live stream on one instance; reconnects if the stream ends. */
export function openLiveStream(instanceUrl: string, cookie: string): LiveStream {
  const heard = new Map<string, number>();
  const controller = new AbortController();
  void (async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(`${instanceUrl}/api/events`, {
          headers: { cookie, accept: "text/event-stream" },
          signal: controller.signal,
        });
        if (!ok(response.status) || !response.body) throw new Error(`live stream answered ${response.status}`);
        const decoder = new TextDecoder();
        let buffer = "";
        const reader = response.body.getReader();
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          buffer += decoder.decode(chunk.value, { stream: true });
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            remember(buffer.slice(0, end), heard);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf("\n\n");
          }
        }
      } catch {
        // Reconnect below, like a browser's EventSource.
      }
      if (!controller.signal.aborted) await sleep(1_000);
    }
  })();
  return { heardAt: (messageId) => heard.get(messageId), close: () => controller.abort() };
}

function remember(frame: string, heard: Map<string, number>) {
  const lines = frame.split("\n");
  if (!lines.includes("event: changes")) return;
  const data = lines.find((line) => line.startsWith("data: "));
  if (!data) return;
  try {
    for (const notice of JSON.parse(data.slice(6)) as Array<{ messageId?: string }>)
      if (notice.messageId && !heard.has(notice.messageId)) heard.set(notice.messageId, Date.now());
  } catch {
    // Not ours to judge here: a malformed frame is simply not heard.
  }
}
