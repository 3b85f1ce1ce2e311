import type { SandboxConfig } from "./config";
import { ApiCredentials } from "./oauth/api-credentials";

/** The legacy API user is optional: Bandwidth stopped creating them on 1 April 2026. */
export type Account = { accountId: string; apiUsername?: string; apiPassword?: string };

export type LegacyBasicAuth = SandboxConfig["legacyBasicAuth"];

export type Application = {
  applicationId: string;
  accountId: string;
  name: string;
  inboundCallbackUrl?: string;
  statusCallbackUrl?: string;
  callbackUsername?: string;
  callbackPassword?: string;
  /** Our numbers served by this application (inbound messages to them go to its callback URL). */
  numbers: string[];
};

export type StoredMedia = {
  accountId: string;
  mediaId: string;
  contentType: string;
  data: Buffer;
  uploadedAt: number;
  expiresAt: number;
};

export type Faults = {
  /** Extra copies of every callback delivery. */
  duplicates: number;
  /** Deliver a message's events in random order. */
  shuffle: boolean;
  /** Extra delay before every callback delivery, in real milliseconds. */
  delayMs: number;
  /** Share (0–1) of callback delivery attempts that fail before reaching the app. */
  callbackFailureRate: number;
  /** Share (0–1) of sends answered 429 / 5xx. */
  send429Rate: number;
  send5xxRate: number;
  /** HTTP statuses the next sends answer with, in order (e.g. [429, 429, 503]). */
  failNextSends: number[];
  /**
   * Hold every accepted send's 202 this long (real ms) while its callbacks go out: callbacks then
   * beat the answer, and past the client's timeout the answer is lost although the message went.
   */
  sendResponseDelayMs: number;
  /**
   * Every callback of these messages is dropped for good, as Bandwidth does after 24 hours of failed
   * retries: by message id, or every message from or to one of `numbers`.
   */
  dropCallbacks: { messageIds: string[]; numbers: string[] };
};

/** What a send or media call looked like, so tests can assert on the exact requests the app made. */
export type RequestRecord = {
  id: number;
  at: string;
  method: string;
  path: string;
  username: string | null;
  contentType: string | null;
  userAgent: string | null;
  body: unknown;
  status: number;
  response: unknown;
};

/** A message as Bandwidth returns it from a send (the spec's `message`). */
export type BandwidthMessage = {
  id: string;
  owner: string;
  applicationId: string;
  time: string;
  segmentCount: number;
  direction: "in" | "out";
  to: string[];
  from: string;
  text: string;
  media?: string[];
  tag?: string;
  priority?: "default" | "high";
  expiration?: string;
};

/**
 * A message the sandbox handled, as its records keep it (List Messages). `outcomes` per recipient:
 * "delivered" or "failed <code>"; `leavesQueueAt`/`settlesAt` (epoch ms on the sandbox clock) when
 * an outbound message is sent on and when its recipients' final statuses happen.
 */
export type MessageRecord = {
  accountId: string;
  message: BandwidthMessage;
  outcomes: Record<string, string>;
  leavesQueueAt?: number;
  settlesAt?: number;
};

const LOG_LIMIT = 5000;

export function defaultFaults(config: SandboxConfig): Faults {
  return {
    duplicates: config.faultDuplicates,
    shuffle: config.faultShuffle,
    delayMs: config.faultDelayMs,
    callbackFailureRate: config.faultCallbackFailureRate,
    send429Rate: config.faultSend429Rate,
    send5xxRate: config.faultSend5xxRate,
    failNextSends: [],
    sendResponseDelayMs: config.faultSendResponseDelayMs,
    dropCallbacks: { messageIds: [], numbers: [] },
  };
}

/** Everything the sandbox knows, in memory: like Bandwidth's dashboard plus its message store. */
export class SandboxState {
  readonly accounts = new Map<string, Account>();
  /** OAuth 2.0 clients of every account and the access tokens issued to them. */
  readonly credentials = new ApiCredentials();
  /** Whether legacy API users (HTTP Basic) still authenticate, as before 2 December 2026. */
  legacyBasicAuth: LegacyBasicAuth;
  readonly applications = new Map<string, Application>();
  readonly media = new Map<string, StoredMedia>();
  readonly requests: RequestRecord[] = [];
  readonly messages: MessageRecord[] = [];
  /** Toll-free number > customer pairs Bandwidth blocks after the customer's STOP (until START). */
  readonly tollFreeOptOuts = new Set<string>();
  /** When each caller address made its recent List Messages requests (its rate limit). */
  readonly listRequests = new Map<string, number[]>();
  faults: Faults;
  private requestSequence = 0;

  constructor(readonly config: SandboxConfig) {
    this.faults = defaultFaults(config);
    this.legacyBasicAuth = config.legacyBasicAuth;
    this.accounts.set(config.accountId, {
      accountId: config.accountId,
      apiUsername: config.apiUsername,
      apiPassword: config.apiPassword,
    });
    this.credentials.add(config.accountId, config.clientId, config.clientSecret);
    this.applications.set(config.applicationId, {
      applicationId: config.applicationId,
      accountId: config.accountId,
      name: config.applicationName,
      inboundCallbackUrl: config.inboundCallbackUrl,
      statusCallbackUrl: config.statusCallbackUrl,
      callbackUsername: config.callbackUsername,
      callbackPassword: config.callbackPassword,
      numbers: config.numbers,
    });
  }

  applicationForNumber(number: string): Application | undefined {
    return [...this.applications.values()].find((application) => application.numbers.includes(number));
  }

  record(entry: Omit<RequestRecord, "id" | "at">): void {
    this.requestSequence += 1;
    push(this.requests, { id: this.requestSequence, at: new Date().toISOString(), ...entry });
  }

  rememberMessage(record: MessageRecord): void {
    push(this.messages, record);
  }

  mediaKey(accountId: string, mediaId: string): string {
    return `${accountId}/${mediaId}`;
  }

  /**
   * Forgets messages, media, logs and faults; keeps accounts, applications, API credentials, the
   * access tokens issued and the legacy Basic setting. Those are how the app is wired to Bandwidth:
   * Bandwidth never drops a live token between two test runs, and an app holding a cached token
   * must keep working across a reset.
   */
  reset(): void {
    this.media.clear();
    this.requests.length = 0;
    this.messages.length = 0;
    this.tollFreeOptOuts.clear();
    this.listRequests.clear();
    this.faults = defaultFaults(this.config);
  }
}

function push<T>(log: T[], entry: T) {
  log.push(entry);
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
}
