import type { Metadata } from "next";
import { ConversationList } from "@/components/inbox/conversation-list";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listConversations } from "@/lib/messaging/conversation-queries";

export const metadata: Metadata = { title: "Inbox" };

export default async function ConversationsPage() {
  const user = await requirePageUser("/conversations");
  const { conversations } = await listConversations(db(), user.id, { limit: 50 });
  return (
    <main className="grid flex-1 md:grid-cols-[22rem_1fr]">
      <section aria-labelledby="conversations-heading" className="border-r border-slate-200 dark:border-slate-800">
        <h1 id="conversations-heading" className="px-4 pt-4 pb-2 text-lg font-semibold">
          Conversations
        </h1>
        <ConversationList conversations={conversations} />
      </section>
      <section className="hidden items-center justify-center text-sm text-slate-500 md:flex dark:text-slate-400">
        Choose a conversation to read it.
      </section>
    </main>
  );
}
