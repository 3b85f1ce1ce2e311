import type { Metadata } from "next";
import { InboxView } from "@/components/inbox/inbox-view";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New message" };

export default async function NewConversationPage() {
  await requirePageUser("/conversations/new");
  return <InboxView composing />;
}
