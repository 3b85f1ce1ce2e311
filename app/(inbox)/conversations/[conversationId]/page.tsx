import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConversationList } from "@/components/inbox/conversation-list";
import { MessageThread } from "@/components/inbox/message-thread";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getConversation, listConversations } from "@/lib/messaging/conversation-queries";
import { listMessages } from "@/lib/messaging/message-queries";
import { conversationIdParam } from "@/lib/validations/conversations";

export const metadata: Metadata = { title: "Conversation" };

type Props = { params: Promise<{ conversationId: string }> };

export default async function ConversationPage({ params }: Props) {
  const { conversationId } = await params;
  const user = await requirePageUser(`/conversations/${conversationId}`);
  if (!conversationIdParam.safeParse(conversationId).success) notFound();
  const conversation = await getConversation(db(), conversationId);
  if (!conversation) notFound();
  const [{ conversations }, { messages }] = await Promise.all([
    listConversations(db(), user.id, { limit: 50 }),
    listMessages(db(), conversationId, { limit: 100 }),
  ]);
  const names = new Map(conversation.participants.flatMap((p) => (p.name ? [[p.phoneNumber, p.name] as const] : [])));
  return (
    <main className="grid flex-1 md:grid-cols-[22rem_1fr]">
      <section aria-label="Conversations" className="hidden border-r border-slate-200 md:block dark:border-slate-800">
        <ConversationList conversations={conversations} selectedId={conversationId} />
      </section>
      <section aria-labelledby="conversation-heading" className="flex flex-col">
        <div className="border-b border-slate-200 px-4 py-3 dark:border-slate-800">
          <h1 id="conversation-heading" className="font-semibold">
            {conversation.title}
          </h1>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {conversation.isGroup ? `Group of ${conversation.participants.length} · ` : ""}via {formatPhoneNumber(conversation.ownerNumber)}
          </p>
        </div>
        <MessageThread messages={messages} names={names} isGroup={conversation.isGroup} />
      </section>
    </main>
  );
}
