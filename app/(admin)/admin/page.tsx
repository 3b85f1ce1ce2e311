import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AlertsPanel } from "@/components/admin/alerts-panel";
import { AccountsPanel } from "@/components/admin/accounts-panel";
import { ConsentSettingsPanel } from "@/components/admin/consent-settings-panel";
import { UsersPanel } from "@/components/admin/users-panel";
import { ApplicationsPanel } from "@/components/admin/applications-panel";
import { NumbersPanel } from "@/components/admin/numbers-panel";
import { canAdminister } from "@/lib/auth/policies";
import { defaultConsentReplies } from "@/lib/contacts/consent-replies";
import { requirePageUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage() {
  // Checked here too: a page can be fetched without its layout re-rendering.
  const user = await requirePageUser("/admin");
  if (!canAdminister(user)) forbidden();
  const config = env();
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 p-6">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <AlertsPanel />
      <AccountsPanel
        sandbox={
          config.SANDBOX_ENABLED
            ? { apiUrl: config.BANDWIDTH_MESSAGING_BASE_URL, tokenUrl: config.BANDWIDTH_OAUTH_TOKEN_URL }
            : null
        }
      />
      <ConsentSettingsPanel defaults={defaultConsentReplies(ACCOUNT_NAME_SLOT)} nameSlot={ACCOUNT_NAME_SLOT} />
      <ApplicationsPanel />
      <NumbersPanel />
      <UsersPanel currentUserId={user.id} />
    </main>
  );
}

// The default replies name the account: made once here with a slot the form fills per account.
const ACCOUNT_NAME_SLOT = "{account}";
