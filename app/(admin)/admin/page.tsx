import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AccountsPanel } from "@/components/admin/accounts-panel";
import { AgentsPanel } from "@/components/admin/agents-panel";
import { ApplicationsPanel } from "@/components/admin/applications-panel";
import { NumbersPanel } from "@/components/admin/numbers-panel";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  // Checked here too: a page can be fetched without its layout re-rendering.
  const user = await requirePageUser("/admin");
  if (!canAdminister(user)) forbidden();
  const alerts = await db().adminAlert.findMany({ where: { resolvedAt: null }, orderBy: { createdAt: "desc" }, take: 20, select: { id: true, message: true, createdAt: true } });
  const config = env();
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 p-6">
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
      <AccountsPanel sandboxApiUrl={config.SANDBOX_ENABLED ? config.BANDWIDTH_MESSAGING_BASE_URL : null} />
      <ApplicationsPanel />
      <NumbersPanel />
      <AgentsPanel currentUserId={user.id} />
    </main>
  );
}
