import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageUser } from "@/lib/auth/session";

export default async function ReportsLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("/reports");
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader user={user} current="reports" />
      {children}
    </div>
  );
}
