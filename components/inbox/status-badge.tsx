import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

const LOOK: Record<DeliveryStatus, { label: string; className: string }> = {
  queued: { label: "Queued", className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" },
  accepted: { label: "Accepted", className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" },
  sending: { label: "Sending", className: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200" },
  sent: { label: "Sent", className: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200" },
  delivered: { label: "Delivered", className: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200" },
  failed: { label: "Failed", className: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" },
  received: { label: "Received", className: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" },
  unconfirmed: { label: "Unconfirmed", className: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200" },
};

export function StatusBadge({ status }: { status: DeliveryStatus }) {
  const look = LOOK[status];
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`}>{look.label}</span>;
}
