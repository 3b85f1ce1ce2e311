import type { Metadata } from "next";
import { SavedRepliesManager } from "@/components/inbox/saved-replies-manager";
import { TemplateVariablesHelp } from "@/components/inbox/template-variables-help";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Saved replies" };

/** Any signed-in user's personal replies, and the team's (admins manage those; the API checks). */
export default async function SavedRepliesPage() {
  const user = await requirePageUser("/saved-replies");
  return (
    <main className="mx-auto flex w-full max-w-4xl flex-col gap-6 p-4 sm:p-6">
      <h1 className="text-2xl font-semibold">Saved replies</h1>
      <SavedRepliesManager isAdmin={canAdminister(user)} />
      <TemplateVariablesHelp />
    </main>
  );
}
