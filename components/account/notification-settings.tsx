"use client";

import { Button } from "@/components/ui/button";
import {
  playChime,
  showNotification,
  useNotificationPermission,
  useNotificationSettings,
  useUpdateNotificationSettings,
  type Permission,
} from "@/lib/client/notifications";
import type { NotificationSettings } from "@/lib/validations/notifications";

const KINDS: Array<{ key: keyof NotificationSettings; label: string }> = [
  { key: "assigned", label: "New messages in conversations assigned to me" },
  { key: "unassigned", label: "New messages in unassigned conversations" },
  { key: "mentions", label: "Mentions of me in internal notes" },
  { key: "sound", label: "Play a sound with each notification" },
];

/**
 * The account page's notification settings: this browser's permission (asked only when the agent
 * clicks to turn notifications on), a test notification, and which kinds they want (saved at once,
 * for every browser they use).
 */
export function NotificationSettingsSection() {
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  const { permission, request } = useNotificationPermission();

  const toggle = (key: keyof NotificationSettings, value: boolean) => {
    if (settings.data) update.mutate({ ...settings.data, [key]: value });
  };
  const test = () => {
    showNotification(
      {
        title: "Switchboard test notification",
        body: "Notifications work in this browser.",
        tag: "switchboard-test",
        url: "/conversations",
      },
      (url) => window.location.assign(url),
    );
    if (settings.data?.sound) playChime();
  };

  return (
    <section aria-labelledby="notifications-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="notifications-heading" className="text-lg font-semibold">
          Notifications
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Desktop notifications while Switchboard is open in a tab; clicking one opens the conversation.
        </p>
      </div>
      <PermissionState permission={permission} onTurnOn={() => void request()} onTest={test} />
      <fieldset className="flex flex-col gap-2" disabled={!settings.data}>
        <legend className="mb-1 text-sm font-medium">Notify me about</legend>
        {KINDS.map(({ key, label }) => (
          <label key={key} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
              checked={settings.data?.[key] ?? false}
              onChange={(event) => toggle(key, event.target.checked)}
            />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      <p aria-live="polite" className="text-sm">
        {settings.isError ? (
          <span className="text-red-700 dark:text-red-300">Could not load your settings: {settings.error.message}</span>
        ) : update.isError ? (
          <span className="text-red-700 dark:text-red-300">Not saved: {update.error.message}</span>
        ) : update.isSuccess ? (
          <span className="text-slate-600 dark:text-slate-400">Saved.</span>
        ) : null}
      </p>
    </section>
  );
}

function PermissionState({
  permission,
  onTurnOn,
  onTest,
}: {
  permission: Permission;
  onTurnOn: () => void;
  onTest: () => void;
}) {
  const box = "rounded-md border p-3 text-sm";
  switch (permission) {
    case "unknown":
      return null;
    case "unsupported":
      return (
        <p className={`${box} border-slate-200 dark:border-slate-700`}>
          This browser cannot show desktop notifications (or only on a secure https:// address).
        </p>
      );
    case "default":
      return (
        <div className={`${box} flex flex-col items-start gap-2 border-slate-200 dark:border-slate-700`}>
          <p>Desktop notifications are off in this browser. Your browser will ask you to allow them.</p>
          <Button onClick={onTurnOn}>Turn on desktop notifications</Button>
        </div>
      );
    case "denied":
      return (
        <div role="status" className={`${box} border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/50`}>
          <p className="font-medium">This browser blocks notifications from Switchboard.</p>
          <p className="mt-1">
            To allow them, open the site settings (the icon left of the address bar), set Notifications to Allow, then
            reload this page.
          </p>
        </div>
      );
    case "granted":
      return (
        <div className={`${box} flex flex-col items-start gap-2 border-emerald-300 dark:border-emerald-800`}>
          <p role="status">Desktop notifications are on in this browser.</p>
          <Button variant="secondary" onClick={onTest}>
            Send a test notification
          </Button>
        </div>
      );
  }
}
