/**
 * How many large callback batches one instance applies at once. The others wait here (no database
 * connection held) until their request's deadline, so single events keep the rest of the pool.
 */
export const LARGE_BATCHES_AT_ONCE = 4;

/** A counting semaphore whose waits end when their signal aborts (with its reason). */
export class Slots {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly size: number) {}

  get waiting(): number {
    return this.queue.length;
  }

  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.active < this.size) {
      this.active += 1;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const granted = () => {
        signal?.removeEventListener("abort", aborted);
        resolve();
      };
      const aborted = () => {
        const at = this.queue.indexOf(granted);
        if (at >= 0) this.queue.splice(at, 1);
        reject(signal?.reason);
      };
      this.queue.push(granted);
      signal?.addEventListener("abort", aborted, { once: true });
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      // The slot passes straight to the next waiter; `active` stays the same.
      if (next) next();
      else this.active -= 1;
    };
  }
}

const globalForSlots = globalThis as unknown as { switchboardLargeBatches?: Slots };

export function largeBatchSlots(): Slots {
  globalForSlots.switchboardLargeBatches ??= new Slots(LARGE_BATCHES_AT_ONCE);
  return globalForSlots.switchboardLargeBatches;
}
