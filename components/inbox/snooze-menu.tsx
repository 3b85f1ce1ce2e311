"use client";

import { useId, useState, type FormEvent } from "react";
import { controlClass } from "@/components/ui/control";
import { MenuItems } from "@/components/ui/menu";
import { PopoverPanel, type usePopover } from "@/components/ui/popover";
import { snoozePresets } from "@/lib/conversations/workflow";
import { formatWhen } from "@/lib/client/format-time";
import { customSnoozeProblem, parseLocalDateTime, toLocalDateTimeValue } from "@/lib/client/snooze-time";

type Props = {
  popover: ReturnType<typeof usePopover>;
  buttonClassName: string;
  /** Resolves when the snooze took; rejects with the server's refusal. */
  onSnooze: (until: Date) => Promise<void>;
};

/**
 * "Snooze": later today, tomorrow morning or next week (each with its time), or a custom time. The
 * popover is the caller's, so the `s` key can open it.
 */
export function SnoozeMenu({ popover, buttonClassName, onSnooze }: Props) {
  return (
    <div className="relative">
      <button
        type="button"
        {...popover.triggerProps}
        aria-haspopup="menu"
        aria-keyshortcuts="s"
        className={buttonClassName}
      >
        Snooze <span aria-hidden>▾</span>
      </button>
      {popover.open ? (
        <PopoverPanel panelProps={popover.panelProps}>
          <SnoozeChoices onSnooze={onSnooze} close={() => popover.close(true)} />
        </PopoverPanel>
      ) : null}
    </div>
  );
}

/** Mounted each time the menu opens: it always opens on the presets. */
function SnoozeChoices({ onSnooze, close }: { onSnooze: Props["onSnooze"]; close: () => void }) {
  const [custom, setCustom] = useState(false);
  return custom ? (
    <CustomTime
      onCancel={() => setCustom(false)}
      onSnooze={async (until) => {
        await onSnooze(until);
        close();
      }}
    />
  ) : (
    <Presets
      onPick={(until) => {
        close();
        // A refusal is shown beside the conversation's actions.
        void onSnooze(until).catch(() => undefined);
      }}
      onCustom={() => setCustom(true)}
    />
  );
}

function Presets({ onPick, onCustom }: { onPick: (until: Date) => void; onCustom: () => void }) {
  const [now] = useState(() => new Date());
  return (
    <MenuItems
      label="Snooze until"
      items={[
        ...snoozePresets(now).map((preset) => ({
          id: preset.id,
          name: `${preset.label}, ${formatWhen(preset.until, now)}`,
          label: (
            <span className="flex justify-between gap-3">
              <span>{preset.label}</span>
              <span className="text-slate-600 dark:text-slate-400">{formatWhen(preset.until, now)}</span>
            </span>
          ),
          onSelect: () => onPick(preset.until),
        })),
        { id: "custom", label: "Custom time…", onSelect: onCustom },
      ]}
    />
  );
}

function CustomTime({ onSnooze, onCancel }: { onSnooze: (until: Date) => Promise<void>; onCancel: () => void }) {
  const id = useId();
  const [value, setValue] = useState(() => toLocalDateTimeValue(new Date(Date.now() + 3_600_000)));
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = customSnoozeProblem(value, new Date());
    const until = parseLocalDateTime(value);
    if (wrong || !until) return setProblem(wrong ?? "That is not a date and time.");
    setProblem(null);
    setPending(true);
    try {
      await onSnooze(until);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "Could not snooze.");
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Snooze until a custom time" className="flex flex-col gap-2 p-2">
      <label htmlFor={`${id}-until`} className="text-sm font-medium">
        Snooze until
      </label>
      <input
        id={`${id}-until`}
        type="datetime-local"
        autoFocus
        value={value}
        min={toLocalDateTimeValue(new Date())}
        onChange={(event) => setValue(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        className={`px-2 py-1.5 text-sm ${controlClass}`}
      />
      {problem ? (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md px-3 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          Back
        </button>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? "Snoozing…" : "Snooze"}
        </button>
      </div>
    </form>
  );
}
