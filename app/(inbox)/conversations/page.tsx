import type { Metadata } from "next";
import { InboxView } from "@/components/inbox/inbox-view";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Inbox" };

export default async function ConversationsPage() {
  await requirePageUser("/conversations");
  return <InboxView />;
}
