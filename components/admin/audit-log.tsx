"use client";

import { useState } from "react";
import { AdminSection } from "@/components/admin/admin-section";
import { FormProblem } from "@/components/ui/form-problem";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control";
import { useAudit, useUsers } from "@/lib/client/admin";

const ACTIONS = [
  "account.create",
  "account.update",
  "application.create",
  "application.update",
  "application.rotate_credentials",
  "number.create",
  "number.update",
  "number.delete",
  "user.create",
  "user.update",
  "user.role",
  "user.deactivate",
  "user.reactivate",
  "user.invite_accepted",
  "saved_reply.create",
  "saved_reply.update",
  "saved_reply.delete",
  "export.create",
  "export.conversation_json",
  "export.transcript_view",
];

/** Who changed what and when; filter by action, kind of thing, or person. Entries are kept. */
export function AuditLog() {
  const [filters, setFilters] = useState({ action: "", targetType: "", actorId: "" });
  const audit = useAudit(filters);
  const users = useUsers();
  const entries = audit.data?.pages.flatMap((page) => page.entries) ?? [];
  const select = (key: keyof typeof filters, label: string, options: Array<[string, string]>) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={`audit-${key}`} className="text-xs font-medium text-slate-700 dark:text-slate-200">
        {label}
      </label>
      <select
        id={`audit-${key}`}
        value={filters[key]}
        onChange={(event) => setFilters({ ...filters, [key]: event.target.value })}
        className={`px-2 py-1.5 text-sm ${controlClass}`}
      >
        <option value="">All</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <AdminSection
      title="Audit log"
      description="Every change made in the admin console, with secrets redacted. Kept for good."
    >
      <div className="mb-4 flex flex-wrap gap-3">
        {select(
          "action",
          "Action",
          ACTIONS.map((action) => [action, action]),
        )}
        {select("targetType", "Kind", [
          ["account", "Bandwidth accounts"],
          ["application", "Applications"],
          ["number", "Numbers"],
          ["user", "People"],
          ["saved_reply", "Team replies"],
          ["export", "Exports"],
        ])}
        {select(
          "actorId",
          "Who",
          (users.data ?? []).map((user) => [user.id, user.name]),
        )}
      </div>
      <FormProblem error={audit.error} />
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {audit.isPending ? "Loading…" : "Nothing recorded matches."}
        </p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <th scope="col" className="py-2 pr-4 font-medium">
                When
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Who
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                What
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Details
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {entries.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td className="py-2 pr-4 align-top whitespace-nowrap">{new Date(entry.at).toLocaleString("en-US")}</td>
                <td className="py-2 pr-4 align-top">{entry.actor?.name ?? "—"}</td>
                <td className="py-2 pr-4 align-top">
                  <code className="text-xs">{entry.action}</code>
                </td>
                <td className="py-2 pr-4 align-top">
                  <Details details={entry.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {audit.hasNextPage ? (
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() => void audit.fetchNextPage()}
          disabled={audit.isFetchingNextPage}
        >
          {audit.isFetchingNextPage ? "Loading…" : "Older entries"}
        </Button>
      ) : null}
    </AdminSection>
  );
}

/** `{ name: { from, to }, credentialSecret: "[redacted]" }` → "name: Support → Support US · credentialSecret: [redacted]". */
function Details({ details }: { details: unknown }) {
  if (!details || typeof details !== "object") return null;
  const show = (value: unknown): string => {
    if (value && typeof value === "object" && "to" in value)
      return `${show((value as { from?: unknown }).from ?? "—")} → ${show((value as { to: unknown }).to)}`;
    if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : "none";
    if (value === null || value === undefined) return "—";
    return typeof value === "object" ? JSON.stringify(value) : String(value);
  };
  return (
    <dl className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {Object.entries(details).map(([key, value]) => (
        <div key={key} className="flex gap-1">
          <dt className="text-slate-500 dark:text-slate-400">{key}:</dt>
          <dd className="break-all">{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
