import type { DeliveryStatus } from "@/lib/generated/prisma/enums";

const LOOK: Record<DeliveryStatus, { label: string; glyph: string; className: string }> = {
  queued: { label: "Queued", glyph: "◷", className: "text-slate-600 dark:text-slate-400" },
  accepted: { label: "Accepted by Bandwidth", glyph: "✓", className: "text-slate-600 dark:text-slate-400" },
  sending: { label: "Sending", glyph: "✓", className: "text-sky-600 dark:text-sky-400" },
  sent: { label: "Sent to the carrier", glyph: "✓", className: "text-sky-600 dark:text-sky-400" },
  delivered: { label: "Delivered", glyph: "✓✓", className: "text-emerald-600 dark:text-emerald-400" },
  failed: { label: "Failed", glyph: "!", className: "font-bold text-red-600 dark:text-red-400" },
  received: { label: "Received", glyph: "", className: "" },
  unconfirmed: { label: "Delivery unconfirmed", glyph: "?", className: "font-bold text-amber-600 dark:text-amber-400" },
};

const PARTIAL = { glyph: "✓!", className: "font-bold text-amber-700 dark:text-amber-300" };

/**
 * A delivery status as a small glyph with its name for assistive technology and on hover; a group
 * message some recipients got and others did not shows `partial` ("Delivered to 2 of 3") instead of
 * "Failed".
 */
export function StatusIcon({ status, partial }: { status: DeliveryStatus; partial?: string | null }) {
  const look = partial ? { ...PARTIAL, label: partial } : LOOK[status];
  return (
    <span
      role="img"
      aria-label={look.label}
      title={look.label}
      className={`inline-block min-w-4 text-center text-xs ${look.className}`}
      data-status={partial ? "partial" : status}
    >
      {look.glyph}
    </span>
  );
}

export function statusLabel(status: DeliveryStatus): string {
  return LOOK[status].label;
}
