"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { ChangeNotice } from "@/lib/realtime/change-notice";
import { inboxKeys } from "./conversations";

export type LiveStatus = "connecting" | "live" | "offline";

const POLL_WHILE_OFFLINE_MS = 5_000;

/**
 * Keeps React Query's cache in step with the server: change notices from GET /api/events
 * invalidate what changed. If the stream drops (a server restart) the browser reconnects by
 * itself; meanwhile, and whenever the server says its listener is down, everything on screen is
 * polled. Coming back live refetches once, so nothing missed stays stale.
 */
export function useLiveUpdates(): LiveStatus {
  const client = useQueryClient();
  const router = useRouter();
  const [status, setStatus] = useState<LiveStatus>("connecting");

  useEffect(() => {
    let poll: ReturnType<typeof setInterval> | undefined;
    let wasOffline = false;
    const pending = new Set<string>();
    let flush: ReturnType<typeof setTimeout> | undefined;
    const goLive = () => {
      if (poll) clearInterval(poll);
      poll = undefined;
      if (wasOffline) void client.invalidateQueries();
      wasOffline = false;
      setStatus("live");
    };
    const goOffline = () => {
      wasOffline = true;
      setStatus("offline");
      poll ??= setInterval(() => void client.invalidateQueries(), POLL_WHILE_OFFLINE_MS);
    };
    const source = new EventSource("/api/events");
    source.addEventListener("ready", (event) => ((JSON.parse(event.data) as { live: boolean }).live ? goLive() : goOffline()));
    source.addEventListener("live", (event) => ((JSON.parse(event.data) as { up: boolean }).up ? goLive() : goOffline()));
    source.addEventListener("signed-out", () => router.replace("/sign-in"));
    source.addEventListener("changes", (event) => {
      for (const notice of JSON.parse(event.data) as ChangeNotice[]) pending.add(notice.conversationId);
      // Coalesce a burst of notices into one round of refetches.
      flush ??= setTimeout(() => {
        flush = undefined;
        void client.invalidateQueries({ queryKey: inboxKeys.conversations });
        for (const id of pending) {
          void client.invalidateQueries({ queryKey: inboxKeys.messages(id) });
          void client.invalidateQueries({ queryKey: inboxKeys.conversation(id) });
        }
        pending.clear();
      }, 50);
    });
    source.onerror = () => goOffline();
    return () => {
      source.close();
      if (poll) clearInterval(poll);
      if (flush) clearTimeout(flush);
    };
  }, [client, router]);

  return status;
}
