import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AdminSection, AdminTable, SourceTag } from "@/components/admin/admin-section";
import { adminOverview } from "@/lib/admin/overview";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  // Checked here too: a page can be fetched without its layout re-rendering.
  const user = await requirePageUser("/admin");
  if (!canAdminister(user)) forbidden();
  const { alerts, accounts, applications, numbers, users } = await adminOverview(db());
  const baseUrl = env().NEXTAUTH_URL ?? "";
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-6 p-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      {alerts.length > 0 ? (
        <section aria-labelledby="alerts-heading" className="rounded-xl border border-red-300 bg-red-50 p-5 dark:border-red-900 dark:bg-red-950">
          <h2 id="alerts-heading" className="text-base font-semibold text-red-900 dark:text-red-100">
            Needs your attention
          </h2>
          <ul className="mt-2 flex flex-col gap-1 text-sm text-red-900 dark:text-red-100">
            {alerts.map((alert) => (
              <li key={alert.id}>
                <time dateTime={alert.createdAt.toISOString()} className="mr-2 text-red-700 dark:text-red-300">
                  {alert.createdAt.toLocaleString("en-US")}
                </time>
                {alert.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <AdminSection title="Bandwidth accounts" description="API credentials are encrypted at rest and never shown again after saving.">
        <AdminTable
          headers={["Name", "Account id", "Messaging API", "API user", "Password", "Set by"]}
          empty="No Bandwidth account yet."
          rows={accounts.map((a) => [a.name, a.accountId, <code key="u" className="text-xs">{a.messagingBaseUrl}</code>, a.apiUsername, a.apiPasswordSet ? "set" : "not set", <SourceTag key="s" source={a.source} />])}
        />
      </AdminSection>
      <AdminSection title="Applications" description="Paste each callback URL into the application's settings in Bandwidth's dashboard.">
        <AdminTable
          headers={["Name", "Application id", "Callback URL", "Callback user", "Last callback"]}
          empty="No application yet."
          rows={applications.map((a) => [
            a.name,
            <code key="id" className="text-xs">{a.applicationId}</code>,
            <code key="url" className="text-xs break-all">{`${baseUrl}/api/webhooks/bandwidth/${a.applicationId}`}</code>,
            a.callbackCredentials.map((c) => c.username).join(", ") || "none (callbacks refused)",
            a.lastCallback ? `${a.lastCallback.at.toLocaleString("en-US")} · ${a.lastCallback.type ?? "event"} ${a.lastCallback.outcome}` : "never",
          ])}
        />
      </AdminSection>
      <AdminSection title="Numbers" description="Our numbers and the application every send from them uses.">
        <AdminTable
          headers={["Number", "Label", "Application", "Kind", "Agents"]}
          empty="No number yet."
          rows={numbers.map((n) => [formatPhoneNumber(n.e164), n.label ?? "—", n.application.name, n.tollFree ? "Toll-free (no group messages)" : "Local", n.allowAllAgents ? "All agents" : "Selected agents"])}
        />
      </AdminSection>
      <AdminSection title="Agents" description="People who can sign in.">
        <AdminTable
          headers={["Name", "Email", "Role", "Status", "Last sign-in"]}
          empty="No users."
          rows={users.map((u) => [u.name, u.email, u.role === "ADMIN" ? "Admin" : "Agent", u.active ? "Active" : "Deactivated", u.lastSignInAt?.toLocaleString("en-US") ?? "never"])}
        />
      </AdminSection>
    </main>
  );
}
