import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import type { NotificationSettings } from "@/lib/validations/notifications";
import { fetchJson, sendJson } from "./query-client";

const settingsKey = ["me", "notifications"] as const;

const settingsOptions = queryOptions({
  queryKey: settingsKey,
  queryFn: ({ signal }) =>
    fetchJson<{ settings: NotificationSettings }>("/api/me/notifications", { signal }).then((body) => body.settings),
});

/** Which desktop notifications the signed-in agent wants (stored on the server, for every browser). */
export function useNotificationSettings() {
  return useQuery(settingsOptions);
}

/** Saves all four settings; the toggles show the new state at once and go back if the save fails. */
export function useUpdateNotificationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: NotificationSettings) =>
      sendJson<{ settings: NotificationSettings }>("/api/me/notifications", "PUT", settings).then(
        (body) => body.settings,
      ),
    onMutate: async (settings) => {
      await client.cancelQueries({ queryKey: settingsKey });
      const before = client.getQueryData<NotificationSettings>(settingsKey);
      client.setQueryData(settingsKey, settings);
      return { before };
    },
    onError: (_error, _settings, context) => client.setQueryData(settingsKey, context?.before),
    onSuccess: (settings) => client.setQueryData(settingsKey, settings),
  });
}

/** Whether any kind of notification is on. */
export function wantsAny(settings: NotificationSettings | undefined): boolean {
  return Boolean(settings && (settings.assigned || settings.unassigned || settings.mentions));
}

export type Permission = NotificationPermission | "unsupported" | "unknown";

const permissionListeners = new Set<() => void>();

function readPermission(): Permission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

function subscribePermission(listener: () => void): () => void {
  permissionListeners.add(listener);
  // The person may also change it in the browser's site settings while the page is open.
  let status: PermissionStatus | undefined;
  void navigator.permissions
    ?.query({ name: "notifications" })
    .then((found) => {
      status = found;
      status.addEventListener("change", listener);
    })
    .catch(() => undefined);
  return () => {
    permissionListeners.delete(listener);
    status?.removeEventListener("change", listener);
  };
}

/**
 * This browser's permission for Switchboard's notifications, and `request`, which asks for it: call
 * it only from a click (browsers refuse, or hold against the site, a request nobody asked for).
 */
export function useNotificationPermission(): { permission: Permission; request: () => Promise<void> } {
  const permission = useSyncExternalStore(subscribePermission, readPermission, () => "unknown" as const);
  const request = async () => {
    if (typeof Notification === "undefined") return;
    await Notification.requestPermission();
    for (const listener of permissionListeners) listener();
  };
  return { permission, request };
}

let audio: AudioContext | undefined;

/** A short two-note chime made on the spot (no sound file); silent until the page has had a click. */
export function playChime(): void {
  if (typeof AudioContext === "undefined") return;
  audio ??= new AudioContext();
  void audio.resume().catch(() => undefined);
  const start = audio.currentTime;
  [880, 1320].forEach((frequency, index) => {
    if (!audio) return;
    const at = start + index * 0.12;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.15, at + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.3);
  });
}

/** Shows a desktop notification; a click brings this tab forward and opens `url` in it. */
export function showNotification(
  item: { title: string; body: string; tag: string; url: string },
  open: (url: string) => void,
): void {
  const notification = new Notification(item.title, { body: item.body, tag: item.tag, data: { url: item.url } });
  notification.onclick = () => {
    window.focus();
    open(item.url);
    notification.close();
  };
}
