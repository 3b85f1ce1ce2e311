import { useIsMutating, useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import type { PresenceState } from "@/lib/generated/prisma/enums";
import {
  PRESENCE_REFRESH_MS,
  PRESENCE_RENEW_MS,
  TYPING_IDLE_MS,
  type PresenceEntry,
} from "@/lib/validations/presence-view";
import { replyMutationKey } from "./messages";
import { fetchJson } from "./query-client";

/** Not under ["conversations"]: a presence notice refetches this alone, never the list or a thread. */
export const presenceKey = (conversationId: string) => ["presence", conversationId] as const;

/**
 * Who else is on the conversation. Refetched on `presence.updated` notices (live-updates.ts) and
 * every PRESENCE_REFRESH_MS besides: a tab that closed without a word lapses on the server with no
 * notice, and this is how others' screens let it go.
 */
export function usePresence(conversationId: string) {
  return useQuery({
    queryKey: presenceKey(conversationId),
    queryFn: ({ signal }) =>
      fetchJson<{ presence: PresenceEntry[] }>(presenceUrl(conversationId), { signal }).then((body) => body.presence),
    refetchInterval: PRESENCE_REFRESH_MS,
    staleTime: 0,
  });
}

/**
 * Tells others this tab is on the conversation: "viewing" on mount, "replying" while `typing()` is
 * called (the composer's input), "left" on unmount and when the page goes away. See
 * startPresenceAnnouncer for the timing.
 */
export function usePresenceAnnouncer(conversationId: string): { typing: () => void } {
  const announcer = useRef<PresenceAnnouncer | null>(null);
  useEffect(() => {
    const started = startPresenceAnnouncer(browserEnvironment(conversationId));
    announcer.current = started;
    return () => {
      started.stop();
      announcer.current = null;
    };
  }, [conversationId]);
  // Pressing Send ends "replying" at once rather than TYPING_IDLE_MS later.
  const sending = useIsMutating({ mutationKey: replyMutationKey(conversationId) }) > 0;
  useEffect(() => {
    if (sending) announcer.current?.sent();
  }, [sending]);
  const typing = useCallback(() => announcer.current?.typing(), []);
  return { typing };
}

type PageEvents = Pick<EventTarget, "addEventListener" | "removeEventListener">;

/** What the announcer needs of the browser (a test gives it stand-ins). */
export type AnnouncerEnvironment = {
  /** Sends one announcement; announcements reach the server in the order they were made. */
  announce: (state: PresenceState | "left") => void;
  /** Says "left" in a way that outlives the page (navigator.sendBeacon). */
  leaveNow: () => void;
  document: PageEvents & { readonly visibilityState: DocumentVisibilityState };
  window: PageEvents;
};

type PresenceAnnouncer = { typing: () => void; sent: () => void; stop: () => void };

/**
 * The tab's side of presence. While the page is visible it announces "viewing" and renews every
 * PRESENCE_RENEW_MS (the server tells others only of changes). `typing()` switches to "typing"
 * once, not per keystroke; TYPING_IDLE_MS without input, or `sent()`, switches back to "viewing".
 * A hidden tab stops renewing (browsers throttle its timers anyway) and drops "typing": its row
 * lapses on the server within the TTL, so a quick look at another tab shows no flicker to others
 * while a tab left in the background for long stops claiming to be viewing; it announces again as
 * soon as it is visible. `pagehide` leaves at once by beacon; a page restored from the
 * back/forward cache arrives again. `stop()` (unmount) leaves.
 */
export function startPresenceAnnouncer(environment: AnnouncerEnvironment): PresenceAnnouncer {
  const { announce, leaveNow, document, window } = environment;
  let state: PresenceState = "viewing";
  let here = false;
  let renew: ReturnType<typeof setInterval> | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;

  const become = (next: PresenceState) => {
    if (next === "viewing") clearTimeout(idle);
    if (next === state) return;
    state = next;
    if (here) announce(state);
  };
  const arrive = () => {
    if (here || document.visibilityState !== "visible") return;
    here = true;
    state = "viewing";
    announce(state);
    renew = setInterval(() => announce(state), PRESENCE_RENEW_MS);
  };
  const pause = () => {
    become("viewing");
    here = false;
    clearInterval(renew);
  };
  const onVisibility = () => (document.visibilityState === "visible" ? arrive() : pause());
  const onPageHide = () => {
    pause();
    leaveNow();
  };
  const onPageShow = (event: Event) => {
    if ((event as PageTransitionEvent).persisted) arrive();
  };

  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("pagehide", onPageHide);
  window.addEventListener("pageshow", onPageShow);
  arrive();
  return {
    typing: () => {
      if (!here) return;
      clearTimeout(idle);
      idle = setTimeout(() => become("viewing"), TYPING_IDLE_MS);
      become("typing");
    },
    sent: () => become("viewing"),
    stop: () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("pageshow", onPageShow);
      pause();
      announce("left");
    },
  };
}

const presenceUrl = (conversationId: string) => `/api/conversations/${conversationId}/presence`;

let tabId: string | undefined;

/** This tab's random id (a module value: a duplicated tab, unlike sessionStorage, gets its own). */
function thisTab(): string {
  tabId ??= btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return tabId;
}

// One chain for the whole tab, so leaving one conversation and opening the next (or React's
// development double mount) reach the server in order: a late "left" must not undo a "viewing".
let queue: Promise<unknown> = Promise.resolve();

function browserEnvironment(conversationId: string): AnnouncerEnvironment {
  const url = presenceUrl(conversationId);
  const body = (state: PresenceState | "left") => JSON.stringify({ tabId: thisTab(), state });
  const headers = { "content-type": "application/json" };
  return {
    announce: (state) => {
      const request = { method: "PUT", headers, body: body(state) };
      // Best effort: a lost announcement is made good by the next renewal or lapses by itself.
      queue = queue
        .then(() => fetch(url, { ...request, signal: AbortSignal.timeout(PRESENCE_RENEW_MS) }))
        .catch(() => undefined);
    },
    leaveNow: () => {
      // sendBeacon can only POST; the route takes POST like PUT.
      if (navigator.sendBeacon?.(url, new Blob([body("left")], { type: "application/json" }))) return;
      void fetch(url, { method: "PUT", headers, body: body("left"), keepalive: true }).catch(() => undefined);
    },
    document,
    window,
  };
}
