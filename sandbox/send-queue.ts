import { MINUTE, type Clock } from "./clock";

export type Reservation = { accepted: true; startsAt: number } | { accepted: false; retryAfterMs: number };

/**
 * Bandwidth's per-account message queue: segments leave at `ratePerMinute`; a send that would
 * push the backlog past `capacity` segments is refused (429). Modelled as the time at which the
 * queue next becomes free, which makes it exact and cheap.
 */
export class SendQueue {
  private readonly freeAt = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly ratePerMinute: number,
    private readonly capacity: number,
  ) {}

  private get msPerSegment(): number {
    return this.clock.scaled(MINUTE / this.ratePerMinute);
  }

  backlogSegments(accountId: string): number {
    const waiting = Math.max(0, (this.freeAt.get(accountId) ?? 0) - this.clock.now());
    return waiting / this.msPerSegment;
  }

  reserve(accountId: string, segments: number): Reservation {
    const backlog = this.backlogSegments(accountId);
    if (backlog + segments > this.capacity) {
      return { accepted: false, retryAfterMs: (backlog + segments - this.capacity) * this.msPerSegment };
    }
    const startsAt = Math.max(this.clock.now(), this.freeAt.get(accountId) ?? 0);
    this.freeAt.set(accountId, startsAt + segments * this.msPerSegment);
    return { accepted: true, startsAt };
  }

  clear(): void {
    this.freeAt.clear();
  }
}
