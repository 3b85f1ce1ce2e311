"use client";

import { useState, type FormEvent } from "react";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { useLabelNumber } from "@/lib/client/contacts";
import { controlClass } from "@/components/ui/control";

type Participant = { phoneNumber: string; name: string | null; ourLine?: boolean };

/** The participants of a conversation; an agent can name a number for everyone. */
export function ParticipantLabels({ participants }: { participants: Participant[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul
      aria-label="Participants"
      className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400"
    >
      {participants.map((participant) =>
        editing === participant.phoneNumber ? (
          <li key={participant.phoneNumber}>
            <LabelForm participant={participant} onDone={() => setEditing(null)} />
          </li>
        ) : (
          <li key={participant.phoneNumber} className="flex items-center gap-1">
            <span>
              {participant.name
                ? `${participant.name} · ${formatPhoneNumber(participant.phoneNumber)}`
                : formatPhoneNumber(participant.phoneNumber)}
            </span>
            {participant.ourLine ? null : (
              <button
                type="button"
                onClick={() => setEditing(participant.phoneNumber)}
                className="rounded px-1 text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                aria-label={`Name ${formatPhoneNumber(participant.phoneNumber)}`}
              >
                {participant.name ? "rename" : "name"}
              </button>
            )}
          </li>
        ),
      )}
    </ul>
  );
}

function LabelForm({ participant, onDone }: { participant: Participant; onDone: () => void }) {
  const [name, setName] = useState(participant.name ?? "");
  const save = useLabelNumber();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ phoneNumber: participant.phoneNumber, name }, { onSuccess: onDone });
  };
  const id = `label-${participant.phoneNumber}`;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-1">
      <label htmlFor={id} className="sr-only">
        Name for {formatPhoneNumber(participant.phoneNumber)}
      </label>
      <input
        id={id}
        autoFocus
        value={name}
        maxLength={80}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => event.key === "Escape" && onDone()}
        placeholder="Name (empty removes it)"
        className={`px-2 py-0.5 text-xs ${controlClass}`}
      />
      <button type="submit" disabled={save.isPending} className="rounded bg-brand-600 px-2 py-0.5 text-white">
        Save
      </button>
      <button type="button" onClick={onDone} className="rounded px-2 py-0.5">
        Cancel
      </button>
      {save.isError ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {save.error.message}
        </span>
      ) : null}
    </form>
  );
}
