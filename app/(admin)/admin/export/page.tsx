import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { ExportPanel } from "@/components/admin/export-panel";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Export" };

export default async function ExportPage() {
  const user = await requirePageUser("/admin/export");
  if (!canAdminister(user)) forbidden();
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 p-6">
      <h1 className="text-2xl font-semibold">Export</h1>
      <ExportPanel />
    </main>
  );
}
