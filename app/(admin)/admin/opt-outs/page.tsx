import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { OptOutsPanel } from "@/components/admin/opt-outs-panel";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Opt-outs" };

export default async function OptOutsPage() {
  const user = await requirePageUser("/admin/opt-outs");
  if (!canAdminister(user)) forbidden();
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 p-4 sm:p-6">
      <h1 className="text-2xl font-semibold">Opt-outs</h1>
      <OptOutsPanel />
    </main>
  );
}
