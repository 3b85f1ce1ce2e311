"use client";

import { useState, type FormEvent } from "react";
import { AdminSection } from "@/components/admin/admin-section";
import { DataTable } from "@/components/ui/data-table";
import { ShownOnce } from "@/components/admin/copy-button";
import { FormProblem } from "@/components/ui/form-problem";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { TextField } from "@/components/ui/text-field";
import { useCreateUser, useUpdateUser, useUsers, type AdminUser } from "@/lib/client/admin";

/** The team: add (one-time password or invitation link), change role, deactivate, reactivate. */
export function UsersPanel({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const [shown, setShown] = useState<{ name: string; label: string; value: string } | null>(null);
  return (
    <AdminSection
      title="Agents"
      description="People who can sign in. Deactivating someone signs them out everywhere at once."
    >
      {users.isError ? <FormProblem error={users.error} /> : null}
      <DataTable
        headers={["Name", "Email", "Role", "Status", "Last sign-in", ""]}
        empty={users.isPending ? "Loading…" : "No users."}
        rows={(users.data ?? []).map((user) => [
          <span key="name">
            {user.name}
            {user.id === currentUserId ? (
              <span className="text-xs text-slate-500 dark:text-slate-400"> (you)</span>
            ) : null}
          </span>,
          user.email,
          <RoleSelect key="role" user={user} />,
          user.active ? "Active" : <span className="text-red-700 dark:text-red-300">Deactivated</span>,
          user.lastSignInAt ? new Date(user.lastSignInAt).toLocaleString("en-US") : "never",
          <ActiveToggle key="active" user={user} />,
        ])}
      />
      {shown ? (
        <ShownOnce
          title={`${shown.label} for ${shown.name}`}
          items={[{ label: shown.label, value: shown.value }]}
          onDismiss={() => setShown(null)}
        />
      ) : null}
      <AddAgent onCreated={setShown} />
    </AdminSection>
  );
}

function RoleSelect({ user }: { user: AdminUser }) {
  const update = useUpdateUser();
  return (
    <div className="flex flex-col gap-1">
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        Role of {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        value={user.role}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ id: user.id, role: event.target.value as AdminUser["role"] })}
        className={`px-2 py-1 text-sm ${controlClass}`}
      >
        <option value="AGENT">Agent</option>
        <option value="ADMIN">Admin</option>
      </select>
      <FormProblem error={update.error} />
    </div>
  );
}

function ActiveToggle({ user }: { user: AdminUser }) {
  const update = useUpdateUser();
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={update.isPending}
        aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}
        onClick={() => {
          if (
            !user.active ||
            window.confirm(`Deactivate ${user.name}? They are signed out at once and cannot sign in until reactivated.`)
          ) {
            update.mutate({ id: user.id, active: !user.active });
          }
        }}
      >
        {user.active ? "Deactivate" : "Reactivate"}
      </Button>
      <FormProblem error={update.error} />
    </div>
  );
}

function AddAgent({ onCreated }: { onCreated: (shown: { name: string; label: string; value: string }) => void }) {
  const create = useCreateUser();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        email: String(form.get("email")),
        name: String(form.get("name")),
        role: form.get("role") === "ADMIN" ? "ADMIN" : "AGENT",
        access: form.get("access") === "password" ? "password" : "invite",
      },
      {
        onSuccess: (result) => {
          formElement.reset();
          if (result.invitePath)
            onCreated({
              name: result.user.name,
              label: "Invitation link",
              value: `${window.location.origin}${result.invitePath}`,
            });
          else if (result.oneTimePassword)
            onCreated({ name: result.user.name, label: "One-time password", value: result.oneTimePassword });
        },
      },
    );
  };
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-100">Add a person</summary>
      <form onSubmit={onSubmit} className="mt-3 grid max-w-2xl gap-3 sm:grid-cols-2" aria-label="Add a person">
        <TextField label="Email" name="email" type="email" required />
        <TextField label="Name" name="name" required />
        <div className="flex flex-col gap-1">
          <label htmlFor="new-user-role" className="text-sm font-medium text-slate-700 dark:text-slate-200">
            Role
          </label>
          <select id="new-user-role" name="role" className={`px-2 py-2 text-sm ${controlClass}`}>
            <option value="AGENT">Agent</option>
            <option value="ADMIN">Admin</option>
          </select>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-200">How they get in</legend>
          <label className="mt-1 flex items-center gap-2 text-sm">
            <input type="radio" name="access" value="invite" defaultChecked /> An invitation link (they choose a
            password; valid 7 days)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="access" value="password" /> A one-time password I pass on (they replace it at
            first sign-in)
          </label>
        </fieldset>
        <div className="sm:col-span-2">
          <FormProblem error={create.error} />
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? "Adding…" : "Add"}
          </Button>
        </div>
      </form>
    </details>
  );
}
