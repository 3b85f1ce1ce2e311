import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { CHANGES_CHANNEL, decodeNotices, type ChangeNotice } from "./change-notice";

type Subscriber = (notices: ChangeNotice[]) => void;

/**
 * One LISTEN connection per app instance, fanned out to every browser connected to this instance
 * (GET /api/events). Reconnects by itself with backoff; while it is down, subscribers are told so
 * they can fall back to polling.
 */
class ChangeListener {
  private readonly subscribers = new Set<Subscriber>();
  private readonly statusSubscribers = new Set<(up: boolean) => void>();
  private client: pg.Client | null = null;
  private connecting = false;
  private retryMs = 500;
  up = false;

  subscribe(subscriber: Subscriber, onStatus?: (up: boolean) => void): () => void {
    this.subscribers.add(subscriber);
    if (onStatus) this.statusSubscribers.add(onStatus);
    void this.connect();
    return () => {
      this.subscribers.delete(subscriber);
      if (onStatus) this.statusSubscribers.delete(onStatus);
    };
  }

  private async connect(): Promise<void> {
    if (this.client || this.connecting) return;
    this.connecting = true;
    // A frozen server must not hold the reconnection for ever: give up on a connect after 5 s.
    const client = new pg.Client({
      connectionString: env().DATABASE_URL,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    client.on("notification", (message) => {
      const notices = decodeNotices(message.payload ?? "");
      if (notices.length) for (const subscriber of this.subscribers) subscriber(notices);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.setUp(false);
      client.end().catch(() => undefined);
      setTimeout(() => void this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      this.client = client;
      this.retryMs = 500;
      this.setUp(true);
    } catch {
      client.end().catch(() => undefined);
      setTimeout(() => void this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    } finally {
      this.connecting = false;
    }
  }

  private setUp(up: boolean) {
    this.up = up;
    for (const subscriber of this.statusSubscribers) subscriber(up);
  }
}

const globalForListener = globalThis as unknown as { switchboardChanges?: ChangeListener };

export function changeListener(): ChangeListener {
  globalForListener.switchboardChanges ??= new ChangeListener();
  return globalForListener.switchboardChanges;
}
