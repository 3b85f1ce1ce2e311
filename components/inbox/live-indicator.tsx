import type { LiveStatus } from "@/lib/client/live-updates";

/** Shown only when live updates are off: the inbox then refreshes itself every few seconds. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  if (status !== "offline") return null;
  return (
    <p
      role="status"
      className="bg-amber-100 px-4 py-1 text-center text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
    >
      Live updates are off — reconnecting. The inbox refreshes every few seconds meanwhile.
    </p>
  );
}
