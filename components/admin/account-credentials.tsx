"use client";

import type { AdminAccount } from "@/lib/client/admin";

// How an account's credentials are shown and chosen: API credentials (OAuth 2.0) first, the
// legacy API user explained as retiring on 2 December 2026.

const KIND_LABEL = { OAUTH: "API credentials", LEGACY: "Legacy API user" } as const;
export const ID_LABEL = { OAUTH: "Client id", LEGACY: "API username" } as const;
export const SECRET_LABEL = { OAUTH: "Client secret", LEGACY: "API password" } as const;

export function CredentialsCell({ account }: { account: AdminAccount }) {
  return (
    <div className="flex max-w-xs flex-col gap-1">
      <span>
        {KIND_LABEL[account.credentialKind]}: <code className="text-xs">{account.credentialId}</code>
        {account.credentialSecretSet ? "" : " (no secret set)"}
      </span>
      {account.legacyWarning ? (
        <p role="note" className="rounded bg-amber-50 p-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          {account.legacyWarning}
        </p>
      ) : null}
    </div>
  );
}

/** API credentials first; the legacy API user explained as retiring. */
export function KindChoice({
  value,
  onChange,
  name,
}: {
  value: "OAUTH" | "LEGACY";
  onChange: (kind: "OAUTH" | "LEGACY") => void;
  name: string;
}) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="mb-1 text-xs font-medium text-slate-700 dark:text-slate-200">Credentials</legend>
      <label className="flex items-start gap-2">
        <input
          type="radio"
          name={name}
          checked={value === "OAUTH"}
          onChange={() => onChange("OAUTH")}
          className="mt-1"
        />
        <span>
          API credentials (OAuth 2.0 client id and secret)
          <span className="block text-xs text-slate-600 dark:text-slate-400">
            Create them in Bandwidth&apos;s dashboard under Account &gt; API Credentials, with the Messaging role.
          </span>
        </span>
      </label>
      <label className="flex items-start gap-2">
        <input
          type="radio"
          name={name}
          checked={value === "LEGACY"}
          onChange={() => onChange("LEGACY")}
          className="mt-1"
        />
        <span>
          Legacy API user (username and password)
          <span className="block text-xs text-amber-800 dark:text-amber-200">
            Retiring: Bandwidth stops accepting legacy API users on 2 December 2026.
          </span>
        </span>
      </label>
    </fieldset>
  );
}
