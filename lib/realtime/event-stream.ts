import "server-only";
import type { ChangeNotice } from "./change-notice";
import { changeListener } from "./listener";

const HEARTBEAT_MS = 15_000;

/**
 * A Server-Sent Events stream of change notices for one signed-in browser: `ready` once, then
 * `changes` as they commit, `live` when this instance's database listener goes down or up, and a
 * comment heartbeat. `stillAllowed` is asked on each heartbeat (a deactivated user is cut off); `visible` keeps
 * each batch to the conversations the user may see.
 * Cleans up when the browser goes away.
 */
export function changeEventStream(
  signal: AbortSignal,
  stillAllowed: () => Promise<boolean>,
  visible: (notices: ChangeNotice[]) => Promise<ChangeNotice[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (chunk: string) => {
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      const event = (name: string, data: unknown) => write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      const unsubscribe = changeListener().subscribe(
        (notices: ChangeNotice[]) =>
          void visible(notices).then(
            (shown) => shown.length > 0 && event("changes", shown),
            () => undefined,
          ),
        (up) => event("live", { up }),
      );
      const heartbeat = setInterval(() => {
        write(`: heartbeat ${new Date().toISOString()}\n\n`);
        // The database being away (an outage) is not a sign-out: the stream stays, and the next
        // heartbeat asks again.
        stillAllowed().then(
          (allowed) => {
            if (!allowed) {
              event("signed-out", {});
              cleanup();
            }
          },
          (error: unknown) =>
            console.warn(`[events] could not check the session on a heartbeat: ${(error as Error)?.message ?? error}`),
        );
      }, HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed
        }
        cleanup = () => {};
      };
      signal.addEventListener("abort", cleanup);
      write("retry: 3000\n\n");
      event("ready", { live: changeListener().up, at: new Date().toISOString() });
    },
    cancel() {
      cleanup();
    },
  });
}
