"use client";

import { useState, type KeyboardEvent } from "react";
import { formatPhoneNumber, normalisePhoneNumber } from "@/lib/bandwidth/phone-number";
import { MAX_RECIPIENTS } from "@/lib/validations/send-message";
import { controlClass } from "@/components/ui/control";

type Props = { value: string[]; onChange: (numbers: string[]) => void; problem: string | null };

/** Recipients as chips: type a number, Enter or comma adds it (normalised to E.164). */
export function RecipientChips({ value, onChange, problem }: Props) {
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);

  const add = () => {
    const entry = draft.trim().replace(/,$/, "");
    if (!entry) return;
    const normalised = normalisePhoneNumber(entry);
    if (!normalised) return setError(`${entry} is not a phone number (use E.164, e.g. +19195550123).`);
    if (value.includes(normalised.e164)) return setError(`${formatPhoneNumber(normalised.e164)} is already there.`);
    if (value.length >= MAX_RECIPIENTS)
      return setError(`A group message can have at most ${MAX_RECIPIENTS} recipients.`);
    setError(null);
    setWarning(
      normalised.valid
        ? null
        : `${formatPhoneNumber(normalised.e164)} does not look like an assigned number; it may not be delivered.`,
    );
    onChange([...value, normalised.e164]);
    setDraft("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  // Blocking problems (a bad entry, a toll-free group) first; a doubtful number is only a warning.
  const message = error ?? problem;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="recipient-input" className="text-sm font-medium">
        To
      </label>
      <div
        className={`flex flex-wrap items-center gap-1 px-2 py-1 focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 ${controlClass}`}
      >
        <ul aria-label="Recipients" className="flex flex-wrap gap-1">
          {value.map((number) => (
            <li
              key={number}
              className="flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2 pr-1 text-sm dark:bg-slate-800"
            >
              {formatPhoneNumber(number)}
              <button
                type="button"
                aria-label={`Remove ${formatPhoneNumber(number)}`}
                onClick={() => onChange(value.filter((n) => n !== number))}
                className="rounded-full px-1 hover:bg-slate-200 dark:hover:bg-slate-700"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id="recipient-input"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          placeholder={value.length ? "Add another" : "Type a number, Enter to add"}
          aria-describedby={
            [message ? "recipient-problem" : "", warning ? "recipient-warning" : ""].join(" ").trim() || undefined
          }
          className="min-w-40 flex-1 bg-transparent py-1 text-sm outline-none"
        />
      </div>
      {message ? (
        <p id="recipient-problem" role="alert" className="text-sm text-red-700 dark:text-red-300">
          {message}
        </p>
      ) : null}
      {warning ? (
        <p id="recipient-warning" className="text-sm text-amber-800 dark:text-amber-300">
          {warning}
        </p>
      ) : null}
    </div>
  );
}
