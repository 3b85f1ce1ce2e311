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
import { BANDWIDTH_MESSAGING_URL, BANDWIDTH_TOKEN_URL } from "@/lib/bandwidth/endpoints";
import { CredentialsCell, ID_LABEL, KindChoice, SECRET_LABEL } from "@/components/admin/account-credentials";

type Sandbox = { apiUrl: string; tokenUrl: string } | null;

/** Bandwidth accounts: add, edit (a new secret replaces the old; it is never shown), test the connection. */
export function AccountsPanel({ sandbox }: { sandbox: Sandbox }) {
  const accounts = useAccounts();
  return (
    <AdminSection
      title="Bandwidth accounts"
      description="API credentials are encrypted at rest and never shown again after saving."
    >
      {accounts.isError ? <FormProblem error={accounts.error} /> : null}
      <DataTable
        headers={["Name", "Account id", "Credentials", "Messaging API", "Set by", ""]}
        empty={accounts.isPending ? "Loading…" : "No Bandwidth account yet: add one below."}
        rows={(accounts.data ?? []).map((account) => [
          account.name,
          account.accountId,
          <CredentialsCell key="credentials" account={account} />,
          <code key="url" className="break-all text-xs">
            {account.messagingBaseUrl}
          </code>,
          <SourceTag key="source" source={account.source} />,
          <AccountActions key="actions" account={account} />,
        ])}
      />
      <AddAccount sandbox={sandbox} />
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
  const [kind, setKind] = useState(account.credentialKind);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const secret = String(form.get("credentialSecret") ?? "");
    const tokenUrl = String(form.get("tokenUrl") ?? "");
    update.mutate(
      {
        id: account.id,
        name: String(form.get("name")),
        credentialId: String(form.get("credentialId")),
        messagingBaseUrl: String(form.get("messagingBaseUrl")),
        ...(kind === "OAUTH" && tokenUrl ? { tokenUrl } : {}),
        ...(kind !== account.credentialKind ? { credentialKind: kind } : {}),
        ...(secret ? { credentialSecret: secret } : {}),
      },
      { onSuccess: onDone },
    );
  };
  const switching = kind !== account.credentialKind;
  return (
    <form onSubmit={onSubmit} className="mt-2 flex w-72 max-w-full flex-col gap-2" aria-label={`Edit ${account.name}`}>
      <TextField label="Name" name="name" defaultValue={account.name} required />
      <KindChoice value={kind} onChange={setKind} name={`kind-${account.id}`} />
      <TextField
        label={ID_LABEL[kind]}
        name="credentialId"
        defaultValue={switching ? "" : account.credentialId}
        autoComplete="off"
        required
      />
      <TextField
        label={switching ? SECRET_LABEL[kind] : `New ${SECRET_LABEL[kind].toLowerCase()}`}
        name="credentialSecret"
        type="password"
        autoComplete="new-password"
        required={switching}
        placeholder={switching ? undefined : "Leave empty to keep the current one"}
      />
      <TextField label="Messaging API URL" name="messagingBaseUrl" defaultValue={account.messagingBaseUrl} required />
      {kind === "OAUTH" ? (
        <TextField
          label="Token URL"
          name="tokenUrl"
          defaultValue={account.tokenUrl ?? ""}
          placeholder={BANDWIDTH_TOKEN_URL}
        />
      ) : null}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Changing either URL needs the secret again: it will be sent there.
      </p>
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

function AddAccount({ sandbox }: { sandbox: Sandbox }) {
  const create = useCreateAccount();
  const [kind, setKind] = useState<"OAUTH" | "LEGACY">("OAUTH");
  const [baseUrl, setBaseUrl] = useState(BANDWIDTH_MESSAGING_URL);
  const [tokenUrl, setTokenUrl] = useState(BANDWIDTH_TOKEN_URL);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        accountId: String(form.get("accountId")),
        name: String(form.get("name")),
        credentialKind: kind,
        credentialId: String(form.get("credentialId")),
        credentialSecret: String(form.get("credentialSecret")),
        messagingBaseUrl: baseUrl,
        ...(kind === "OAUTH" ? { tokenUrl } : {}),
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
        <div className="sm:col-span-2">
          <KindChoice value={kind} onChange={setKind} name="new-account-kind" />
        </div>
        <TextField label={ID_LABEL[kind]} name="credentialId" autoComplete="off" required />
        <TextField
          label={SECRET_LABEL[kind]}
          name="credentialSecret"
          type="password"
          autoComplete="new-password"
          required
        />
        <div className="sm:col-span-2 flex flex-col gap-3">
          <TextField
            label="Messaging API URL"
            name="messagingBaseUrl"
            value={baseUrl}
            onChange={(event) => setBaseUrl(event.target.value)}
            required
          />
          {kind === "OAUTH" ? (
            <TextField
              label="Token URL"
              name="tokenUrl"
              value={tokenUrl}
              onChange={(event) => setTokenUrl(event.target.value)}
              required
            />
          ) : null}
          {sandbox ? (
            <button
              type="button"
              onClick={() => {
                setBaseUrl(sandbox.apiUrl);
                setTokenUrl(sandbox.tokenUrl);
              }}
              className="self-start text-xs font-medium text-brand-700 underline dark:text-brand-100"
            >
              Use the embedded sandbox ({sandbox.apiUrl})
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
