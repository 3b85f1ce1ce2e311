"use client";

import { useState, type FormEvent } from "react";
import { AdminSection } from "@/components/admin/admin-section";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { FormProblem } from "@/components/ui/form-problem";
import { useAccounts, type AdminAccount } from "@/lib/client/admin";
import { useAccountConsentSettings, useUpdateAccountConsentSettings } from "@/lib/client/consent";
import type { AccountConsentSettings } from "@/lib/validations/consent";

const REPLIES = [
  { field: "optOutReply", label: "Opt-out confirmation (after STOP)" },
  { field: "optInReply", label: "Opt-in confirmation (after START)" },
  { field: "helpReply", label: "Help answer (after HELP)" },
] as const;

type Replies = Pick<AccountConsentSettings, "optOutReply" | "optInReply" | "helpReply">;
/** The default replies, with `nameSlot` where the account's name goes. */
type Defaults = { defaults: Replies; nameSlot: string };

/**
 * Per Bandwidth account: how far an opt-out reaches, and the automatic replies on local numbers
 * (each with its default shown, and a way back to it).
 */
export function ConsentSettingsPanel({ defaults, nameSlot }: Defaults) {
  const accounts = useAccounts();
  return (
    <AdminSection
      title="Consent"
      description="An opt-out covers every number of the account unless you narrow it to the number texted. The replies go out from local numbers; for toll-free numbers Bandwidth answers the customer itself."
    >
      {accounts.isError ? <FormProblem error={accounts.error} /> : null}
      {accounts.data?.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No Bandwidth account yet.</p>
      ) : null}
      <div className="flex flex-col gap-6">
        {(accounts.data ?? []).map((account) => (
          <AccountConsent key={account.id} account={account} defaults={fill(defaults, nameSlot, account.name)} />
        ))}
      </div>
    </AdminSection>
  );
}

function AccountConsent({ account, defaults }: { account: AdminAccount; defaults: Replies }) {
  const settings = useAccountConsentSettings(account.id);
  return (
    <div className="flex flex-col gap-2" data-consent-account={account.name}>
      <h3 className="text-sm font-semibold">{account.name}</h3>
      {settings.isError ? <FormProblem error={settings.error} /> : null}
      {settings.data ? (
        <SettingsForm accountId={account.id} accountName={account.name} initial={settings.data} defaults={defaults} />
      ) : settings.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>
      ) : null}
    </div>
  );
}

function SettingsForm({
  accountId,
  accountName,
  initial,
  defaults,
}: {
  accountId: string;
  accountName: string;
  initial: AccountConsentSettings;
  defaults: Replies;
}) {
  const update = useUpdateAccountConsentSettings(accountId);
  const [draft, setDraft] = useState(initial);
  const changed = (Object.keys(initial) as Array<keyof AccountConsentSettings>).filter(
    (key) => draft[key] !== initial[key],
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (changed.length === 0) return;
    update.mutate(Object.fromEntries(changed.map((key) => [key, draft[key]])), {
      onSuccess: (saved) => setDraft(saved),
    });
  };
  const id = `consent-${accountId}`;
  return (
    <form onSubmit={onSubmit} aria-label={`Consent settings of ${accountName}`} className="flex flex-col gap-3">
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">An opt-out covers</legend>
        {(
          [
            ["account", "Every number of this account (one sender, one consent)"],
            ["number", "Only the number the customer texted"],
          ] as const
        ).map(([value, text]) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name={`${id}-scope`}
              value={value}
              checked={draft.scope === value}
              onChange={() => setDraft({ ...draft, scope: value })}
              className="mt-0.5 accent-brand-600"
            />
            <span>{text}</span>
          </label>
        ))}
      </fieldset>
      {REPLIES.map(({ field, label }) => (
        <div key={field} className="flex flex-col gap-1">
          <label htmlFor={`${id}-${field}`} className="text-sm font-medium">
            {label}
          </label>
          <textarea
            id={`${id}-${field}`}
            rows={2}
            maxLength={320}
            value={draft[field]}
            onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
            aria-describedby={`${id}-${field}-default`}
            className={`w-full px-3 py-2 text-sm ${controlClass}`}
          />
          <p id={`${id}-${field}-default`} className="text-xs text-slate-600 dark:text-slate-400">
            {draft[field] === defaults[field] ? (
              "The default."
            ) : (
              <>
                Default: {defaults[field]}{" "}
                <button
                  type="button"
                  onClick={() => setDraft({ ...draft, [field]: defaults[field] })}
                  aria-label={`Use the default ${label.toLowerCase()}`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
                >
                  Use the default
                </button>
              </>
            )}
          </p>
        </div>
      ))}
      <FormProblem error={update.error} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={changed.length === 0 || update.isPending}>
          {update.isPending ? "Saving…" : "Save consent settings"}
        </Button>
        {update.isSuccess && changed.length === 0 ? (
          <span role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}

function fill(defaults: Replies, slot: string, name: string): Replies {
  const put = (text: string) => text.split(slot).join(name.trim() || "our");
  return {
    optOutReply: put(defaults.optOutReply),
    optInReply: put(defaults.optInReply),
    helpReply: put(defaults.helpReply),
  };
}
