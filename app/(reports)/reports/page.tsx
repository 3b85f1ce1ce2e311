import type { Metadata } from "next";
import { Suspense } from "react";
import { ReportsView } from "@/components/reports/reports-view";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Reports" };

/** Delivery (admins) and team reports; agents see the team section (the API refuses them the rest). */
export default async function ReportsPage() {
  const user = await requirePageUser("/reports");
  return (
    <main className="mx-auto flex w-full max-w-7xl min-w-0 flex-col gap-4 p-3 sm:p-6">
      <h1 className="text-2xl font-semibold">Reports</h1>
      <Suspense>
        <ReportsView isAdmin={canAdminister(user)} />
      </Suspense>
    </main>
  );
}
