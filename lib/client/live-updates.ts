"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { inboxKeys } from "./conversations";
import { presenceKey } from "./presence";

export type LiveStatus = "connecting" | "live" | "offline";

/** What else may listen to the stream: its notices, and its coming back after a gap (notices may be lost). */
export type LiveEvent = { type: "changes"; notices: ChangeNotice[] } | { type: "resumed" };

const listeners = new Set<(event: LiveEvent) => void>();

/** Hears the live stream of the inbox open in this tab (e.g. desktop notifications); returns the unsubscribe. */
export function subscribeToLiveEvents(listener: (event: LiveEvent) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

const POLL_WHILE_OFFLINE_MS = 5_000;
const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000];

/**
 * Keeps React Query's cache in step with the server: change notices from GET /api/events
 * invalidate what changed. When the stream drops (a server restart, a proxy's 502) it reconnects
 * by itself; meanwhile, and whenever the server says its listener is down, everything on screen is
 * polled. Coming back live refetches once, so nothing missed stays stale; so does going live the
 * first time, for what was read before the stream listened.
 */
export function useLiveUpdates(): LiveStatus {
  const client = useQueryClient();
  const router = useRouter();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    let source: EventSource | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let wasOffline = false;
    let everLive = false;
    let stopped = false;
    const pending = new Set<string>();
    // Presence notices refetch only who is here: someone typing must not refetch the list or threads.
    const presence = new Set<string>();

    const goLive = () => {
      failures = 0;
      if (poll) clearInterval(poll);
      poll = undefined;
      if (wasOffline) {
        void client.invalidateQueries();
        for (const listener of listeners) listener({ type: "resumed" });
      } else if (!everLive) {
        // The server sends `ready` once it listens: a change committed before that (a status
        // callback landing while the page loaded) is never sent, so what was read, or was still
        // being read, before now is read again (an in-flight request starts over).
        const readyAt = Date.now();
        void client.invalidateQueries({ predicate: (query) => query.state.dataUpdatedAt < readyAt });
      }
      everLive = true;
      wasOffline = false;
      setStatus("live");
    };
    const goOffline = () => {
      wasOffline = true;
      setStatus("offline");
      poll ??= setInterval(() => void client.invalidateQueries(), POLL_WHILE_OFFLINE_MS);
    };
    const onChanges = (event: MessageEvent<string>) => {
      const notices = JSON.parse(event.data) as ChangeNotice[];
      for (const notice of notices)
        (notice.kind === "presence.updated" ? presence : pending).add(notice.conversationId);
      for (const listener of listeners) listener({ type: "changes", notices });
      // Coalesce a burst of notices into one round of refetches.
      flush ??= setTimeout(() => {
        flush = undefined;
        if (pending.size) void client.invalidateQueries({ queryKey: inboxKeys.conversations });
        for (const id of pending) {
          void client.invalidateQueries({ queryKey: inboxKeys.messages(id) });
          void client.invalidateQueries({ queryKey: inboxKeys.conversation(id) });
        }
        for (const id of presence) void client.invalidateQueries({ queryKey: presenceKey(id) });
        pending.clear();
        presence.clear();
      }, 50);
    };
    const connect = () => {
      if (stopped) return;
      source = new EventSource("/api/events");
      source.addEventListener("ready", (event) =>
        (JSON.parse(event.data) as { live: boolean }).live ? goLive() : goOffline(),
      );
      source.addEventListener("live", (event) =>
        (JSON.parse(event.data) as { up: boolean }).up ? goLive() : goOffline(),
      );
      source.addEventListener("signed-out", () => router.replace("/sign-in"));
      source.addEventListener("changes", onChanges);
      source.onerror = () => {
        goOffline();
        // The browser retries a dropped stream itself, but gives up for good on an error answer
        // (e.g. a proxy's 502 during a deploy): then start a new one, backing off.
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          retry = setTimeout(connect, RECONNECT_MS[Math.min(failures, RECONNECT_MS.length - 1)]);
          failures += 1;
        }
      };
    };
    connect();
    return () => {
      stopped = true;
      source?.close();
      if (poll) clearInterval(poll);
      if (flush) clearTimeout(flush);
      if (retry) clearTimeout(retry);
    };
  }, [client, router]);

  return status;
}
