import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { AppHeader } from "@/components/layout/app-header";
import { canAdminister } from "@/lib/auth/policies";
import { requirePageUser } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("/admin");
  if (!canAdminister(user)) forbidden();
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} current="admin" />
      <AdminNav />
      {children}
    </div>
  );
}
