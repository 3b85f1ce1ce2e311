"use client";

import { useId, useState, type ReactNode } from "react";
import { controlClass } from "@/components/ui/control";
import { apiProblemInWords } from "@/lib/client/api-problem";
import { useSenderNumbers } from "@/lib/client/conversations";
import {
  presetOf,
  presetRange,
  RANGE_PRESETS,
  type RangePreset,
  type ReportLocation,
} from "@/lib/client/report-location";
import { reportQuerySchema } from "@/lib/validations/reports";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";

/** The date range (a preset or custom days) and one of our numbers or all. */
export function ReportControls({
  location,
  today,
  onChange,
}: {
  location: ReportLocation;
  today: string;
  onChange: (change: Partial<ReportLocation>) => void;
}) {
  const id = useId();
  const numbers = useSenderNumbers();
  const preset = presetOf(location, today);
  const [custom, setCustom] = useState(preset === "custom");
  const [problem, setProblem] = useState<string | null>(null);
  const showDays = custom || preset === "custom";

  function changeDay(field: "from" | "to", value: string) {
    const next = { from: location.from, to: location.to, [field]: value };
    if (next.from && next.to && next.from > next.to) {
      setProblem("The first day must not be after the last.");
      return;
    }
    const parsed = reportQuerySchema.safeParse(next);
    if (!parsed.success) {
      setProblem(apiProblemInWords(parsed.error.issues.map((issue) => issue.message).join("; ")));
      return;
    }
    setProblem(null);
    onChange({ from: parsed.data.from, to: parsed.data.to });
  }

  return (
    <div className="flex flex-wrap items-end gap-3" role="group" aria-label="Report range">
      <Field id={`${id}-range`} label="Range">
        <select
          id={`${id}-range`}
          className={`${controlClass} px-2 py-1.5`}
          value={showDays ? "custom" : preset}
          onChange={(event) => {
            const value = event.target.value as RangePreset | "custom";
            setProblem(null);
            if (value === "custom") return setCustom(true);
            setCustom(false);
            onChange(presetRange(value, today));
          }}
        >
          {RANGE_PRESETS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </Field>
      {showDays ? (
        <>
          <Field id={`${id}-from`} label="From">
            <input
              id={`${id}-from`}
              type="date"
              className={`${controlClass} px-2 py-1`}
              value={location.from}
              max={today}
              onChange={(event) => changeDay("from", event.target.value)}
            />
          </Field>
          <Field id={`${id}-to`} label="To">
            <input
              id={`${id}-to`}
              type="date"
              className={`${controlClass} px-2 py-1`}
              value={location.to}
              onChange={(event) => changeDay("to", event.target.value)}
            />
          </Field>
        </>
      ) : null}
      <Field id={`${id}-number`} label="Number">
        <select
          id={`${id}-number`}
          className={`${controlClass} max-w-full px-2 py-1.5`}
          value={location.number ?? ""}
          onChange={(event) => onChange({ number: event.target.value || null })}
        >
          <option value="">All numbers</option>
          {(numbers.data ?? []).map((number) => (
            <option key={number.e164} value={number.e164}>
              {number.label ? `${number.label} · ${formatPhoneNumber(number.e164)}` : formatPhoneNumber(number.e164)}
            </option>
          ))}
          {location.number && !numbers.data?.some((number) => number.e164 === location.number) ? (
            <option value={location.number}>{formatPhoneNumber(location.number)}</option>
          ) : null}
        </select>
      </Field>
      {problem ? (
        <p role="alert" className="basis-full text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}
