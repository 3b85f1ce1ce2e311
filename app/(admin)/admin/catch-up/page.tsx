import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { CatchUpRuns } from "@/components/admin/catch-up-runs";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Catch-up" };

export default async function CatchUpPage() {
  const user = await requirePageUser("/admin/catch-up");
  if (!canAdminister(user)) forbidden();
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 p-6">
      <h1 className="text-2xl font-semibold">Catch-up</h1>
      <CatchUpRuns />
    </main>
  );
}
