"use client";

import { useState, type FormEvent } from "react";
import { AdminSection, SourceTag } from "@/components/admin/admin-section";
import { DataTable } from "@/components/ui/data-table";
import { FormProblem } from "@/components/ui/form-problem";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import {
  useAccounts,
  useCreateAccount,
  useTestConnection,
  useUpdateAccount,
  type AdminAccount,
} from "@/lib/client/admin";
import { BANDWIDTH_MESSAGING_URL } from "@/lib/bandwidth/endpoints";

/** Bandwidth accounts: add, edit (a new password replaces the old; it is never shown), test the connection. */
export function AccountsPanel({ sandboxApiUrl }: { sandboxApiUrl: string | null }) {
  const accounts = useAccounts();
  return (
    <AdminSection
      title="Bandwidth accounts"
      description="API credentials are encrypted at rest and never shown again after saving."
    >
      {accounts.isError ? <FormProblem error={accounts.error} /> : null}
      <DataTable
        headers={["Name", "Account id", "Messaging API", "API user", "Password", "Set by", ""]}
        empty={accounts.isPending ? "Loading…" : "No Bandwidth account yet: add one below."}
        rows={(accounts.data ?? []).map((account) => [
          account.name,
          account.accountId,
          <code key="url" className="text-xs">
            {account.messagingBaseUrl}
          </code>,
          account.apiUsername,
          account.apiPasswordSet ? "set" : "not set",
          <SourceTag key="source" source={account.source} />,
          <AccountActions key="actions" account={account} />,
        ])}
      />
      <AddAccount sandboxApiUrl={sandboxApiUrl} />
    </AdminSection>
  );
}

function AccountActions({ account }: { account: AdminAccount }) {
  const test = useTestConnection();
  const [editing, setEditing] = useState(false);
  return (
    <div className="flex min-w-48 flex-col items-start gap-1">
      <div className="flex gap-1">
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => test.mutate(account.id)}
          disabled={test.isPending}
          aria-label={`Test connection of ${account.name}`}
        >
          {test.isPending ? "Testing…" : "Test connection"}
        </Button>
        {account.source !== "ENVIRONMENT" ? (
          <Button
            variant="ghost"
            className="px-2 py-1 text-xs"
            onClick={() => setEditing(!editing)}
            aria-expanded={editing}
          >
            Edit
          </Button>
        ) : null}
      </div>
      {test.data ? (
        <p
          role="status"
          className={`text-xs ${test.data.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}
        >
          {test.data.message}
        </p>
      ) : null}
      <FormProblem error={test.error} />
      {account.source === "ENVIRONMENT" ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">Set by BANDWIDTH_* variables: change it there.</p>
      ) : null}
      {editing ? <EditAccount account={account} onDone={() => setEditing(false)} /> : null}
    </div>
  );
}

function EditAccount({ account, onDone }: { account: AdminAccount; onDone: () => void }) {
  const update = useUpdateAccount();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("apiPassword") ?? "");
    update.mutate(
      {
        id: account.id,
        name: String(form.get("name")),
        apiUsername: String(form.get("apiUsername")),
        messagingBaseUrl: String(form.get("messagingBaseUrl")),
        ...(password ? { apiPassword: password } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form onSubmit={onSubmit} className="mt-2 flex w-72 flex-col gap-2" aria-label={`Edit ${account.name}`}>
      <TextField label="Name" name="name" defaultValue={account.name} required />
      <TextField label="API username or token" name="apiUsername" defaultValue={account.apiUsername} required />
      <TextField
        label="New API password or secret"
        name="apiPassword"
        type="password"
        autoComplete="new-password"
        placeholder="Leave empty to keep the current one"
      />
      <TextField label="Messaging API URL" name="messagingBaseUrl" defaultValue={account.messagingBaseUrl} required />
      <FormProblem error={update.error} />
      <div className="flex gap-2">
        <Button type="submit" disabled={update.isPending}>
          Save
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function AddAccount({ sandboxApiUrl }: { sandboxApiUrl: string | null }) {
  const create = useCreateAccount();
  const [baseUrl, setBaseUrl] = useState(BANDWIDTH_MESSAGING_URL);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        accountId: String(form.get("accountId")),
        name: String(form.get("name")),
        apiUsername: String(form.get("apiUsername")),
        apiPassword: String(form.get("apiPassword")),
        messagingBaseUrl: baseUrl,
      },
      { onSuccess: () => formElement.reset() },
    );
  };
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-100">
        Add a Bandwidth account
      </summary>
      <form
        onSubmit={onSubmit}
        className="mt-3 grid max-w-2xl gap-3 sm:grid-cols-2"
        aria-label="Add a Bandwidth account"
      >
        <TextField label="Account id" name="accountId" inputMode="numeric" placeholder="e.g. 9900001" required />
        <TextField label="Name" name="name" placeholder="e.g. Support US" required />
        <TextField label="API username or token" name="apiUsername" autoComplete="off" required />
        <TextField
          label="API password or secret"
          name="apiPassword"
          type="password"
          autoComplete="new-password"
          required
        />
        <div className="sm:col-span-2">
          <TextField
            label="Messaging API URL"
            name="messagingBaseUrl"
            value={baseUrl}
            onChange={(event) => setBaseUrl(event.target.value)}
            required
          />
          {sandboxApiUrl ? (
            <button
              type="button"
              onClick={() => setBaseUrl(sandboxApiUrl)}
              className="mt-1 text-xs font-medium text-brand-700 underline dark:text-brand-100"
            >
              Use the embedded sandbox ({sandboxApiUrl})
            </button>
          ) : null}
        </div>
        <div className="sm:col-span-2">
          <FormProblem error={create.error} />
          <Button type="submit" disabled={create.isPending} className="mt-1">
            {create.isPending ? "Saving…" : "Add account"}
          </Button>
        </div>
      </form>
    </details>
  );
}
