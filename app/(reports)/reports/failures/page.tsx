import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Suspense } from "react";
import { FailuresView } from "@/components/reports/failures-view";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Failures by error code" };

/** The conversations one error code hit (admins, like the delivery report). */
export default async function FailuresPage() {
  const user = await requirePageUser("/reports/failures");
  if (!canAdminister(user)) forbidden();
  return (
    <main className="mx-auto flex w-full max-w-7xl min-w-0 flex-col gap-4 p-3 sm:p-6">
      <h1 className="text-2xl font-semibold">Failed deliveries</h1>
      <Suspense>
        <FailuresView />
      </Suspense>
    </main>
  );
}
