import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { AuditLog } from "@/components/admin/audit-log";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const user = await requirePageUser("/admin/audit");
  if (!canAdminister(user)) forbidden();
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 p-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <AuditLog />
    </main>
  );
}
