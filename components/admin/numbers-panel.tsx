"use client";

import { useState, type FormEvent } from "react";
import { AdminSection, SourceTag } from "@/components/admin/admin-section";
import { DataTable } from "@/components/ui/data-table";
import { FormProblem } from "@/components/ui/form-problem";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { TextField } from "@/components/ui/text-field";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import {
  useApplications,
  useCreateNumber,
  useDeleteNumber,
  useNumbers,
  useUpdateNumber,
  useUsers,
  type AdminNumber,
} from "@/lib/client/admin";

/** Our numbers: the application each one sends through, a label, and who may send from it. */
export function NumbersPanel() {
  const numbers = useNumbers();
  return (
    <AdminSection
      title="Numbers"
      description="Our numbers and the application every send from them uses. Toll-free numbers cannot text groups."
    >
      {numbers.isError ? <FormProblem error={numbers.error} /> : null}
      <DataTable
        headers={["Number", "Label", "Application", "Kind", "Who may send", ""]}
        empty={numbers.isPending ? "Loading…" : "No number yet: add one below."}
        rows={(numbers.data ?? []).map((number) => [
          <span key="n" className="flex flex-col">
            {formatPhoneNumber(number.e164)}
            <code className="text-xs text-slate-500 dark:text-slate-400">{number.e164}</code>
          </span>,
          number.label ?? "—",
          number.application.name,
          number.tollFree ? "Toll-free (no group messages)" : "Local",
          number.allowAllAgents ? "All agents" : number.agents.map((agent) => agent.name).join(", ") || "Admins only",
          <NumberActions key="a" number={number} />,
        ])}
      />
      <NumberForm />
    </AdminSection>
  );
}

function NumberActions({ number }: { number: AdminNumber }) {
  const [editing, setEditing] = useState(false);
  const remove = useDeleteNumber();
  return (
    <div className="flex flex-col items-start gap-1">
      <div className="flex gap-1">
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          onClick={() => setEditing(!editing)}
          aria-expanded={editing}
          aria-label={`Edit ${number.e164}`}
        >
          Edit
        </Button>
        {number.source !== "ENVIRONMENT" ? (
          <Button
            variant="ghost"
            className="px-2 py-1 text-xs text-red-700 dark:text-red-300"
            aria-label={`Remove ${number.e164}`}
            onClick={() =>
              window.confirm(
                `Remove ${formatPhoneNumber(number.e164)}? Its conversations stay; nobody can send from it any more.`,
              ) && remove.mutate(number.id)
            }
          >
            Remove
          </Button>
        ) : (
          <SourceTag source={number.source} />
        )}
      </div>
      <FormProblem error={remove.error} />
      {editing ? <NumberForm number={number} onDone={() => setEditing(false)} /> : null}
    </div>
  );
}

/** Adds a number, or edits one (label, application, agents). */
function NumberForm({ number, onDone }: { number?: AdminNumber; onDone?: () => void }) {
  const applications = useApplications();
  const users = useUsers();
  const create = useCreateNumber();
  const update = useUpdateNumber();
  const mutation = number ? update : create;
  const [e164, setE164] = useState("");
  const [allowAll, setAllowAll] = useState(number?.allowAllAgents ?? true);
  const agents = (users.data ?? []).filter((user) => user.role === "AGENT" && user.active);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const fields = {
      label: String(form.get("label") ?? ""),
      applicationId: String(form.get("applicationId")),
      allowAllAgents: allowAll,
      agentIds: allowAll ? [] : form.getAll("agentIds").map(String),
    };
    if (number) update.mutate({ id: number.id, ...fields }, { onSuccess: () => onDone?.() });
    else
      create.mutate(
        { e164: e164.trim(), ...fields },
        {
          onSuccess: () => {
            formElement.reset();
            setE164("");
            setAllowAll(true);
          },
        },
      );
  };
  const formId = number ? `number-${number.id}` : "number-new";
  const body = (
    <form
      onSubmit={onSubmit}
      className="mt-3 grid max-w-2xl gap-3 sm:grid-cols-2"
      aria-label={number ? `Edit ${number.e164}` : "Add a number"}
    >
      {number ? null : (
        <div>
          <TextField
            label="Number (E.164)"
            name="e164"
            value={e164}
            onChange={(event) => setE164(event.target.value)}
            placeholder="+19195550100"
            required
          />
          {isTollFreeNumber(e164.trim()) ? (
            <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">
              Toll-free: it will text one person at a time, never a group.
            </p>
          ) : null}
        </div>
      )}
      <TextField label="Label" name="label" defaultValue={number?.label ?? ""} placeholder="e.g. Support line" />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${formId}-application`} className="text-sm font-medium text-slate-700 dark:text-slate-200">
          Application (every send from this number uses it)
        </label>
        <select
          id={`${formId}-application`}
          name="applicationId"
          defaultValue={number?.application.id}
          required
          className={`px-2 py-2 text-sm ${controlClass}`}
        >
          {(applications.data ?? []).map((application) => (
            <option key={application.id} value={application.id}>
              {application.name} ({application.applicationId.slice(0, 8)}…)
            </option>
          ))}
        </select>
      </div>
      <fieldset className="sm:col-span-2">
        <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">Who may send from it</legend>
        <label className="mt-1 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={allowAll} onChange={(event) => setAllowAll(event.target.checked)} />
          All agents
        </label>
        {allowAll ? null : (
          <div className="mt-1 flex flex-wrap gap-3">
            {agents.map((agent) => (
              <label key={agent.id} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  name="agentIds"
                  value={agent.id}
                  defaultChecked={number?.agents.some((a) => a.id === agent.id)}
                />
                {agent.name}
              </label>
            ))}
            <p className="w-full text-xs text-slate-500 dark:text-slate-400">Admins may always send.</p>
          </div>
        )}
      </fieldset>
      <div className="sm:col-span-2">
        <FormProblem error={mutation.error} />
        <Button type="submit" disabled={mutation.isPending || !applications.data?.length}>
          {number ? "Save" : "Add number"}
        </Button>
      </div>
    </form>
  );
  if (number) return body;
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-100">Add a number</summary>
      {body}
    </details>
  );
}
