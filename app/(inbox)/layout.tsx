import type { ReactNode } from "react";
import { InboxSkipLinks } from "@/components/inbox/skip-links";
import { ViewerProvider } from "@/components/inbox/viewer-context";
import { AppHeader } from "@/components/layout/app-header";
import { requirePageUser } from "@/lib/auth/session";

export default async function InboxLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("/conversations");
  return (
    <div className="flex h-dvh flex-col">
      <InboxSkipLinks />
      <AppHeader user={user} current="inbox" />
      <ViewerProvider viewer={{ id: user.id, name: user.name, role: user.role }}>{children}</ViewerProvider>
    </div>
  );
}
