"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { WATCH_RENEW_MS, recordWatching, runDesktopNotifier } from "@/lib/client/desktop-notifier";
import { useNotificationPermission, useNotificationSettings, wantsAny } from "@/lib/client/notifications";

/**
 * Desktop notifications while the inbox is open (nothing on screen): new customer messages and
 * mentions, as the agent's settings say, once permission is granted on the account page. A click
 * opens the conversation here.
 */
export function DesktopNotifications({ currentConversationId }: { currentConversationId?: string }) {
  const router = useRouter();
  const settings = useNotificationSettings();
  const { permission } = useNotificationPermission();
  const latest = useRef({
    enabled: false,
    sound: false,
    current: null as string | null,
    open: (url: string) => router.push(url),
  });
  useEffect(() => {
    latest.current = {
      enabled: permission === "granted" && wantsAny(settings.data),
      sound: settings.data?.sound ?? false,
      current: currentConversationId ?? null,
      open: (url) => router.push(url),
    };
  });

  useEffect(() => runDesktopNotifier(() => latest.current), []);

  // Tell the tab that shows notifications (maybe another) which conversation the agent reads here.
  useEffect(() => {
    const update = () => recordWatching(document.hasFocus() ? (currentConversationId ?? null) : null);
    update();
    const renew = setInterval(update, WATCH_RENEW_MS);
    // Leaving the page (a reload, a full navigation, closing the tab) runs no React cleanup.
    const leave = () => recordWatching(null);
    window.addEventListener("focus", update);
    window.addEventListener("blur", update);
    window.addEventListener("pagehide", leave);
    return () => {
      clearInterval(renew);
      window.removeEventListener("focus", update);
      window.removeEventListener("blur", update);
      window.removeEventListener("pagehide", leave);
      recordWatching(null);
    };
  }, [currentConversationId]);

  return null;
}
