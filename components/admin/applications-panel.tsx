"use client";

import { useState, type FormEvent } from "react";
import { AdminSection, SourceTag } from "@/components/admin/admin-section";
import { DataTable } from "@/components/ui/data-table";
import { CopyableValue, ShownOnce } from "@/components/admin/copy-button";
import { FormProblem } from "@/components/ui/form-problem";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { TextField } from "@/components/ui/text-field";
import {
  useAccounts,
  useApplications,
  useCreateApplication,
  useRotateCredentials,
  type AdminApplication,
  type NewCredentials,
} from "@/lib/client/admin";

type Shown = { applicationName: string; callbackUrl: string; credentials: NewCredentials };

/** Applications: the exact callback URL and credentials to paste into Bandwidth, rotation, last callback. */
export function ApplicationsPanel() {
  const applications = useApplications();
  const [shown, setShown] = useState<Shown | null>(null);
  return (
    <AdminSection
      title="Applications"
      description="In Bandwidth's dashboard, set each application's callback URL and its Basic credentials to these."
    >
      {applications.isError ? <FormProblem error={applications.error} /> : null}
      <DataTable
        headers={["Name", "Application id", "Callback URL", "Callback user", "Last callback", ""]}
        empty={applications.isPending ? "Loading…" : "No application yet: add one below."}
        rows={(applications.data ?? []).map((application) => [
          <span key="name" className="flex flex-col gap-1">
            {application.name}
            <SourceTag source={application.source} />
          </span>,
          <code key="id" className="text-xs">
            {application.applicationId}
          </code>,
          <CopyableValue
            key="url"
            value={application.callbackUrl}
            label={`Copy the callback URL of ${application.name}`}
          />,
          <CredentialsCell key="user" application={application} />,
          <LastCallback key="last" application={application} />,
          <Rotate
            key="rotate"
            application={application}
            onRotated={(credentials) =>
              setShown({ applicationName: application.name, callbackUrl: application.callbackUrl, credentials })
            }
          />,
        ])}
      />
      {shown ? (
        <ShownOnce
          title={`Callback credentials for ${shown.applicationName}`}
          items={[
            { label: "Callback URL", value: shown.callbackUrl },
            { label: "Username", value: shown.credentials.username },
            { label: "Password", value: shown.credentials.password },
          ]}
          onDismiss={() => setShown(null)}
        />
      ) : null}
      <AddApplication onCreated={setShown} />
    </AdminSection>
  );
}

function CredentialsCell({ application }: { application: AdminApplication }) {
  if (application.callbackCredentials.length === 0)
    return <span className="text-red-700 dark:text-red-300">none: callbacks are refused</span>;
  return (
    <ul className="text-xs">
      {application.callbackCredentials.map((credential) => (
        <li key={credential.id}>
          <code>{credential.username}</code>
          {credential.expiresAt ? (
            <span className="text-slate-500 dark:text-slate-400">
              {" "}
              (old, accepted until {new Date(credential.expiresAt).toLocaleString("en-US")})
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function LastCallback({ application }: { application: AdminApplication }) {
  const last = application.lastCallback;
  if (!last?.at) return <span className="text-slate-500 dark:text-slate-400">never</span>;
  const refused = last.outcome.startsWith("refused");
  return (
    <span className={`text-xs ${refused ? "text-red-700 dark:text-red-300" : ""}`}>
      <time dateTime={last.at}>{new Date(last.at).toLocaleString("en-US")}</time> · {last.type ? `${last.type} ` : ""}
      {last.outcome}
    </span>
  );
}

function Rotate({
  application,
  onRotated,
}: {
  application: AdminApplication;
  onRotated: (credentials: NewCredentials) => void;
}) {
  const rotate = useRotateCredentials();
  if (application.source === "ENVIRONMENT") {
    return (
      <p className="max-w-40 text-xs text-slate-500 dark:text-slate-400">
        Credentials set by BANDWIDTH_CALLBACK_* variables: rotate them there.
      </p>
    );
  }
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        className="px-2 py-1 text-xs"
        disabled={rotate.isPending}
        onClick={() => {
          if (
            window.confirm(
              `New callback credentials for ${application.name}? The current ones keep working for 24 hours, while you update Bandwidth's dashboard.`,
            )
          ) {
            rotate.mutate(
              { id: application.id, graceHours: 24 },
              { onSuccess: (result) => onRotated(result.credentials) },
            );
          }
        }}
      >
        Rotate credentials
      </Button>
      <FormProblem error={rotate.error} />
    </div>
  );
}

function AddApplication({ onCreated }: { onCreated: (shown: Shown) => void }) {
  const accounts = useAccounts();
  const create = useCreateApplication();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        applicationId: String(form.get("applicationId")),
        name: String(form.get("name")),
        accountId: String(form.get("accountId")),
      },
      {
        onSuccess: (result) => {
          formElement.reset();
          onCreated({
            applicationName: result.application.name,
            callbackUrl: result.application.callbackUrl,
            credentials: result.credentials,
          });
        },
      },
    );
  };
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-100">
        Add an application
      </summary>
      <form onSubmit={onSubmit} className="mt-3 grid max-w-2xl gap-3 sm:grid-cols-2" aria-label="Add an application">
        <TextField
          label="Bandwidth application id"
          name="applicationId"
          placeholder="e.g. 93de2206-9669-4e07-948d-329f4b722ee2"
          required
        />
        <TextField label="Name" name="name" placeholder="e.g. Support messaging" required />
        <div className="flex flex-col gap-1">
          <label htmlFor="application-account" className="text-sm font-medium text-slate-700 dark:text-slate-200">
            Bandwidth account
          </label>
          <select id="application-account" name="accountId" required className={`px-2 py-2 text-sm ${controlClass}`}>
            {(accounts.data ?? []).map((account) => (
              <option key={account.id} value={account.id}>
                {account.name} ({account.accountId})
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2">
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">
            Strong callback credentials are generated and shown once, with the callback URL to paste into Bandwidth.
          </p>
          <FormProblem error={create.error} />
          <Button type="submit" disabled={create.isPending || !accounts.data?.length}>
            {create.isPending ? "Saving…" : "Add application"}
          </Button>
        </div>
      </form>
    </details>
  );
}
