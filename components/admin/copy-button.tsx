"use client";

import { useState } from "react";

/** Copies `value` to the clipboard and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      onClick={() => {
        navigator.clipboard.writeText(value).then(
          () => setState("copied"),
          () => setState("failed"),
        );
        setTimeout(() => setState("idle"), 2_000);
      }}
      className="shrink-0 rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      aria-label={label}
    >
      <span aria-live="polite">
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select it" : "Copy"}
      </span>
    </button>
  );
}

/** A value to paste elsewhere, with its copy button. */
export function CopyableValue({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex min-w-0 items-center gap-2">
      <code className="min-w-0 break-all text-xs">{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}

/** A secret shown once (new callback credentials, a one-time password, an invitation link). */
export function ShownOnce({
  title,
  items,
  onDismiss,
}: {
  title: string;
  items: Array<{ label: string; value: string }>;
  onDismiss: () => void;
}) {
  return (
    <div
      role="status"
      className="mt-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">{title}</p>
      <p className="mb-2 text-xs">Shown this once: copy it now. Only a one-way hash is kept.</p>
      <dl className="flex flex-col gap-1">
        {items.map((item) => (
          <div key={item.label} className="flex flex-wrap items-center gap-2">
            <dt className="w-40 shrink-0 text-xs font-medium">{item.label}</dt>
            <dd className="min-w-0 flex-1">
              <CopyableValue value={item.value} label={`Copy ${item.label.toLowerCase()}`} />
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onDismiss} className="mt-2 text-xs font-medium underline">
        I have copied it
      </button>
    </div>
  );
}
