// Bandwidth's side of the webhook: message-received callbacks signed with the application's HTTP
// Basic credentials, single events from a few workers all along and bursts of large batches, each
// request recorded (its events, answer, latency, phase) so the end can check what was acknowledged.
// Like Bandwidth, a request not answered 2xx is sent again (same events) a little later.
import { RESILIENCE_BANDWIDTH } from "./bandwidth";

/** The webhook must answer within Bandwidth's callback timeout: 10 s. */
export const ANSWER_BOUND_MS = 10_000;
export const CLIENT_TIMEOUT_MS = 15_000;
const RETRIES = 2;
const RETRY_AFTER_MS = 1_000;

export type Attempt = {
  phase: string;
  /** `load`: single events through HAProxy; `batch`: the burst's large batches; `probe-*`: straight to one instance. */
  kind: string;
  ids: string[];
  /** 0: no answer within CLIENT_TIMEOUT_MS (or the connection failed). */
  status: number;
  startedAt: number;
  endedAt: number;
  ms: number;
  attempt: number;
};

const authorization = `Basic ${Buffer.from(
  `${RESILIENCE_BANDWIDTH.callbackUsername}:${RESILIENCE_BANDWIDTH.callbackPassword}`,
).toString("base64")}`;

export class WebhookTraffic {
  readonly attempts: Attempt[] = [];
  phase = "warm-up";
  private sequence = 0;

  constructor(private readonly run: string) {}

  /** Every event id this run sent, as stored in messages.bandwidth_message_id. */
  get idPattern(): string {
    return `resil-${this.run}-%`;
  }

  nextIds(count: number): string[] {
    return Array.from({ length: count }, () => `resil-${this.run}-${(this.sequence += 1)}`);
  }

  /** Posts the events, again on a non-2xx answer (up to RETRIES more times); the last attempt. */
  async deliver(baseUrl: string, ids: string[], kind: string, retries = RETRIES): Promise<Attempt> {
    const body = callbackBody(ids);
    let attempt = await this.post(baseUrl, ids, body, kind, 1);
    for (let again = 1; again <= retries && !ok(attempt.status); again += 1) {
      await sleep(RETRY_AFTER_MS);
      attempt = await this.post(baseUrl, ids, body, kind, again + 1);
    }
    return attempt;
  }

  /** `workers` loops of single events until `stop()`; pauses between requests keep the rate humane on 2 cores. */
  loop(baseUrl: string, kind: string, workers: number, pauseMs: number, retries = RETRIES): { stop(): Promise<void> } {
    let running = true;
    const loops = Array.from({ length: workers }, async () => {
      while (running) {
        await this.deliver(baseUrl, this.nextIds(1), kind, retries);
        await sleep(pauseMs);
      }
    });
    return {
      stop: async () => {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  private async post(baseUrl: string, ids: string[], body: string, kind: string, attempt: number): Promise<Attempt> {
    const phase = this.phase;
    const startedAt = Date.now();
    const status = await fetch(`${baseUrl}/api/webhooks/bandwidth/${RESILIENCE_BANDWIDTH.applicationId}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization, "user-agent": "BandwidthAPI/v2" },
      body,
      signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
    })
      .then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      })
      .catch(() => 0);
    const endedAt = Date.now();
    const record = { phase, kind, ids, status, startedAt, endedAt, ms: endedAt - startedAt, attempt };
    this.attempts.push(record);
    return record;
  }
}

export function ok(status: number): boolean {
  return status >= 200 && status < 300;
}

/** message-received callbacks from 300 customers to our number, one element per id. */
function callbackBody(ids: string[]): string {
  const now = new Date().toISOString();
  return JSON.stringify(
    ids.map((id) => {
      const customer = `+1202555${String(1_000 + (hash(id) % 300)).slice(-4)}`;
      return {
        type: "message-received",
        time: now,
        to: RESILIENCE_BANDWIDTH.number,
        description: "Incoming message received",
        message: {
          id,
          owner: RESILIENCE_BANDWIDTH.number,
          applicationId: RESILIENCE_BANDWIDTH.applicationId,
          time: now,
          segmentCount: 1,
          direction: "in",
          to: [RESILIENCE_BANDWIDTH.number],
          from: customer,
          text: `Resilience ${id}`,
        },
      };
    }),
  );
}

function hash(text: string): number {
  let value = 0;
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0;
  return value;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
