import { subscribeToLiveEvents } from "./live-updates";
import { playChime, showNotification } from "./notifications";
import { fetchJson } from "./query-client";
import type { NotificationFeed, NotificationItem } from "./types";

// Desktop notifications for the agent's inbox tabs. One tab at a time shows them (the one holding a
// Web Lock), so an event makes one notification and one sound however many tabs are open; every
// tab says in localStorage which conversation it shows while focused, so none notifies about what
// the agent is reading. State lives per tab, not per mount: the inbox remounts on navigation.

/** Ask the feed from this long before its last answer: a write that committed late is not missed (ids dedupe). */
export const OVERLAP_MS = 2 * 60_000;
/** At most this many notifications at once; more become one summary. */
export const MAX_AT_ONCE = 3;
/** Notices are coalesced this long before the feed is asked. */
const DEBOUNCE_MS = 300;
/** A tab that was showing notifications this recently goes on from where it was (a navigation). */
const CONTINUE_MS = 10_000;
const LOCK = "switchboard-desktop-notifications";
const WATCHING_KEY = "switchboard:watching";
/** A focused tab renews its record this often; an older one (a crashed tab) counts for nothing. */
export const WATCH_RENEW_MS = 60_000;
const WATCH_FRESH_MS = 3 * WATCH_RENEW_MS;

type Options = {
  /** Permission granted and some kind turned on. */
  enabled: boolean;
  sound: boolean;
  /** The conversation this tab shows, if any. */
  current: string | null;
  /** Opens a URL of ours in this tab (the router's push). */
  open: (url: string) => void;
};

const tab = {
  id: tabId(),
  /** The server's time of the first answer (nothing before it is news) and of the latest one. */
  since: null as number | null,
  lastNow: null as number | null,
  seen: new Set<string>(),
  leftAt: 0,
};

/**
 * Shows desktop notifications while this tab leads: a feed request after notices of new messages
 * or notes (and when the live stream comes back), new items shown unless the agent is looking at
 * that conversation. `options` is read at each request. Returns the stop.
 */
export function runDesktopNotifier(options: () => Options): () => void {
  let stopped = false;
  let leading = false;
  let release: (() => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const ask = async () => {
    const current = options();
    // The first answer only says where news starts, so it is asked for even before the settings
    // have loaded (or while notifications are off): the first event after that is news.
    if (stopped || (!current.enabled && tab.since !== null)) return;
    const after = tab.since !== null && tab.lastNow !== null ? feedAfter(tab.since, tab.lastNow) : null;
    const feed = await fetchJson<NotificationFeed>(
      `/api/notifications${after ? `?after=${encodeURIComponent(after.toISOString())}` : ""}`,
    ).catch(() => null);
    if (!feed || stopped) return;
    const now = Date.parse(feed.now);
    tab.since ??= now;
    tab.lastNow = now;
    const plan = planNotifications(feed.notifications, tab.seen, watchedConversation(current.current));
    remember(plan.seen);
    for (const item of plan.show) showNotification(item, current.open);
    if (plan.more > 0) {
      showNotification(
        {
          title: `${plan.more} more in Switchboard`,
          body: "Open the inbox to see them all.",
          tag: "switchboard-more",
          url: "/conversations",
        },
        current.open,
      );
    }
    if (current.sound && (plan.show.length > 0 || plan.more > 0)) playChime();
  };
  const schedule = (delay = DEBOUNCE_MS) => {
    if (!leading || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void ask();
    }, delay);
  };

  const unsubscribe = subscribeToLiveEvents((event) => {
    if (
      event.type === "resumed" ||
      event.notices.some((notice) => notice.kind === "message.created" || notice.kind === "note.created")
    )
      schedule();
  });
  const withdraw = new AbortController();
  lead(withdraw.signal, (done) => {
    release = done;
    leading = true;
    if (Date.now() - tab.leftAt > CONTINUE_MS) {
      tab.since = null;
      tab.lastNow = null;
    }
    // The first answer is where news starts; going on, it catches up on what came meanwhile.
    schedule(0);
  });

  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
    if (leading) tab.leftAt = Date.now();
    withdraw.abort();
    release?.();
  };
}

/** Where to ask the feed from: a little before its last answer, never before the first one. */
export function feedAfter(since: number, lastNow: number): Date {
  return new Date(Math.max(since, lastNow - OVERLAP_MS));
}

/**
 * Which of the feed's items to show: those not seen before, except about the conversation the
 * agent is looking at (seen all the same); at most MAX_AT_ONCE, newest last, and how many more.
 */
export function planNotifications(
  items: NotificationItem[],
  seen: ReadonlySet<string>,
  watching: string | null,
): { show: NotificationItem[]; more: number; seen: string[] } {
  const fresh = items.filter((item) => !seen.has(item.id));
  const wanted = fresh.filter((item) => item.conversationId !== watching);
  return {
    show: wanted.slice(-MAX_AT_ONCE),
    more: Math.max(0, wanted.length - MAX_AT_ONCE),
    seen: fresh.map((item) => item.id),
  };
}

/**
 * This tab shows `conversationId` to the agent (or nothing, or it lost the focus): recorded for
 * the tab that shows notifications, which may be another one.
 */
export function recordWatching(conversationId: string | null): void {
  try {
    const record = readRecord();
    if (conversationId) {
      localStorage.setItem(WATCHING_KEY, JSON.stringify({ tab: tab.id, conversationId, at: Date.now() }));
    } else if (record?.tab === tab.id) {
      localStorage.removeItem(WATCHING_KEY);
    }
  } catch {
    // Storage may be off (private mode): then only this tab's own focus counts.
  }
}

/** The conversation the agent is looking at: this tab's, when focused, else a focused tab's record. */
function watchedConversation(current: string | null): string | null {
  if (current && document.hasFocus()) return current;
  try {
    const record = readRecord();
    return record && Date.now() - record.at < WATCH_FRESH_MS ? record.conversationId : null;
  } catch {
    return null;
  }
}

/**
 * This browser tab's id, kept in sessionStorage (one per tab, surviving reloads and full-page
 * navigation), so a page that replaced the one that recorded "watching" can take the record back.
 */
function tabId(): string {
  const fresh = () =>
    typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random());
  try {
    const kept = sessionStorage.getItem("switchboard:tab") ?? fresh();
    sessionStorage.setItem("switchboard:tab", kept);
    return kept;
  } catch {
    return fresh();
  }
}

function readRecord(): { tab: string; conversationId: string; at: number } | null {
  const raw = localStorage.getItem(WATCHING_KEY);
  return raw ? (JSON.parse(raw) as { tab: string; conversationId: string; at: number }) : null;
}

/**
 * Runs `onLead` once this tab holds the lock (at once without Web Locks), which it keeps until
 * `done`; aborting `signal` withdraws a request still waiting.
 */
function lead(signal: AbortSignal, onLead: (done: () => void) => void): void {
  if (typeof navigator === "undefined" || !navigator.locks) return onLead(() => undefined);
  navigator.locks
    .request(LOCK, { signal }, () => new Promise<void>((resolve) => onLead(resolve)))
    .catch(() => undefined);
}

function remember(ids: string[]) {
  for (const id of ids) tab.seen.add(id);
  // Bounded: the feed never looks back more than 15 minutes.
  for (const id of tab.seen) {
    if (tab.seen.size <= 1_000) break;
    tab.seen.delete(id);
  }
}
