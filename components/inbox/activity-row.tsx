"use client";

import { useViewer } from "@/components/inbox/viewer-context";
import type { Activity } from "@/lib/client/types";
import { describeActivity } from "@/lib/validations/activity-view";

const formatWhen = (at: Date) =>
  at.toLocaleString("en-US", { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" });

/** A workflow entry in the thread: a small centred line with who did what, and when. */
export function ActivityRow({ activity }: { activity: Activity }) {
  const viewer = useViewer();
  const time = new Date(activity.createdAt).toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
  return (
    <p
      className="mx-auto flex max-w-full flex-wrap items-center justify-center gap-x-1.5 text-center text-xs text-slate-600 dark:text-slate-400"
      data-activity-kind={activity.kind}
    >
      <span aria-hidden>{ICONS[activity.kind]}</span>
      <span>{describeActivity(activity, viewer.id, formatWhen)}</span>
      <span aria-hidden>·</span>
      <time dateTime={activity.createdAt}>{time}</time>
    </p>
  );
}

const ICONS: Record<Activity["kind"], string> = {
  assigned: "→",
  unassigned: "○",
  closed: "✓",
  reopened: "↺",
  snoozed: "◷",
};
