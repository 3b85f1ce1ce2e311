import { HOUR, MINUTE, SECOND, type Clock } from "../clock";
import { basicAuthorization, type Credentials } from "@/lib/bandwidth/basic-credentials";
import type { Faults } from "../state";

export type CallbackEvent = Record<string, unknown> & {
  type: string;
  to: string;
  message: Record<string, unknown> & { id: string };
};

export type Attempt = { at: string; status: number | null; durationMs: number; error?: string };

export type Delivery = {
  id: number;
  url: string;
  events: CallbackEvent[];
  copy: number;
  /** `dropped`: a fault dropped it for good (as Bandwidth does after 24 hours of failed retries). */
  state: "pending" | "delivered" | "gave-up" | "dropped";
  createdAt: string;
  deliveredAt?: string;
  attempts: Attempt[];
};

const RETRY_WINDOW = 24 * HOUR;
const RESPONSE_TIMEOUT = 10 * SECOND;
const FIRST_RETRY = 5 * SECOND;
const LONGEST_RETRY = 15 * MINUTE;
const LOG_LIMIT = 5000;

/**
 * Posts callbacks the way Bandwidth does: a JSON array, HTTP Basic with the application's callback
 * credentials, `User-Agent: BandwidthAPI/v2`; anything but a 2xx within 10 s is retried with
 * exponential backoff for 24 hours. All durations run on the sandbox clock.
 */
export class CallbackDispatcher {
  readonly deliveries: Delivery[] = [];
  private sequence = 0;

  constructor(
    private readonly clock: Clock,
    private readonly faults: () => Faults,
  ) {}

  /** Schedules `events` (one array, one POST) for `at`, plus the duplicates the faults ask for. */
  dispatch(url: string, credentials: Credentials | null, events: CallbackEvent[], at: number): void {
    const { duplicates, delayMs } = this.faults();
    for (let copy = 0; copy <= duplicates; copy += 1) {
      this.sequence += 1;
      const delivery: Delivery = {
        id: this.sequence,
        url,
        events,
        copy,
        state: "pending",
        createdAt: new Date(at).toISOString(),
        attempts: [],
      };
      this.deliveries.push(delivery);
      if (this.deliveries.length > LOG_LIMIT) this.deliveries.splice(0, this.deliveries.length - LOG_LIMIT);
      const jitter = copy === 0 ? 0 : Math.random() * this.clock.scaled(2 * SECOND);
      this.clock.at(at + delayMs + jitter, () => void this.attempt(delivery, credentials, at));
    }
  }

  pending(): number {
    return this.deliveries.filter((delivery) => delivery.state === "pending").length;
  }

  private async attempt(delivery: Delivery, credentials: Credentials | null, firstAt: number): Promise<void> {
    if (dropped(delivery, this.faults())) {
      delivery.state = "dropped";
      return;
    }
    const started = this.clock.now();
    const result =
      Math.random() < this.faults().callbackFailureRate
        ? { status: null, error: "injected failure (fault injection)" }
        : await this.post(delivery, credentials);
    delivery.attempts.push({ at: new Date(started).toISOString(), durationMs: this.clock.now() - started, ...result });
    if (result.status !== null && result.status >= 200 && result.status < 300) {
      delivery.state = "delivered";
      delivery.deliveredAt = new Date().toISOString();
      return;
    }
    const backoff = Math.min(FIRST_RETRY * 2 ** (delivery.attempts.length - 1), LONGEST_RETRY);
    const next = this.clock.now() + this.clock.scaled(backoff);
    if (next - firstAt > this.clock.scaled(RETRY_WINDOW)) {
      delivery.state = "gave-up";
      return;
    }
    this.clock.at(next, () => void this.attempt(delivery, credentials, firstAt));
  }

  private async post(
    delivery: Delivery,
    credentials: Credentials | null,
  ): Promise<{ status: number | null; error?: string }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.clock.timeout(RESPONSE_TIMEOUT));
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "BandwidthAPI/v2",
          ...(credentials ? { authorization: basicAuthorization(credentials) } : {}),
        },
        body: JSON.stringify(delivery.events),
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (error) {
      const timedOut = controller.signal.aborted;
      return {
        status: null,
        error: timedOut
          ? "no answer within 10 s (scaled)"
          : error instanceof Error
            ? ((error.cause as Error | undefined)?.message ?? error.message)
            : String(error),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  clear(): void {
    this.deliveries.length = 0;
  }
}

function dropped(delivery: Delivery, faults: Faults): boolean {
  const { messageIds, numbers } = faults.dropCallbacks;
  return delivery.events.some(
    ({ message }) =>
      messageIds.includes(message.id) ||
      numbers.some((number) => message.from === number || (Array.isArray(message.to) && message.to.includes(number))),
  );
}
