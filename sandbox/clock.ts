/**
 * Time in the sandbox: every Bandwidth duration (queue drain, callback timing, the 24-hour retry
 * window, 48-hour media retention) is divided by `timeScale`, so tests can live through a day in
 * seconds. Timers are tracked so the sandbox closes cleanly.
 */
export class Clock {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly timeScale: number,
    private readonly minimumTimeoutMs: number,
  ) {}

  now(): number {
    return Date.now();
  }

  /** A Bandwidth duration in real milliseconds on this clock. */
  scaled(bandwidthMs: number): number {
    return bandwidthMs / this.timeScale;
  }

  /** A response timeout: scaled, but never below the configured floor. */
  timeout(bandwidthMs: number): number {
    return Math.max(this.minimumTimeoutMs, this.scaled(bandwidthMs));
  }

  at(when: number, work: () => void): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        work();
      },
      Math.max(0, when - Date.now()),
    );
    this.timers.add(timer);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
