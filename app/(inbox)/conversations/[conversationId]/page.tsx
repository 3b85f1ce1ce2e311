import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InboxView } from "@/components/inbox/inbox-view";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { isViewableConversation } from "@/lib/conversations/conversation-queries";
import { conversationIdParam } from "@/lib/validations/conversations";

export const metadata: Metadata = { title: "Conversation" };

type Props = { params: Promise<{ conversationId: string }> };

export default async function ConversationPage({ params }: Props) {
  const { conversationId } = await params;
  const user = await requirePageUser(`/conversations/${conversationId}`);
  if (
    !conversationIdParam.safeParse(conversationId).success ||
    !(await isViewableConversation(db(), user, conversationId))
  )
    notFound();
  return <InboxView selectedId={conversationId} />;
}
