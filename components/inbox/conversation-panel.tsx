"use client";

import Link from "next/link";
import { useEffect } from "react";
import { Composer } from "@/components/inbox/composer";
import { ConversationActions } from "@/components/inbox/conversation-actions";
import { MessageThread } from "@/components/inbox/message-thread";
import { ParticipantLabels } from "@/components/inbox/participant-labels";
import { PresenceIndicator } from "@/components/inbox/presence-indicator";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import { useConversation } from "@/lib/client/conversations";
import { useMarkRead, useMessages } from "@/lib/client/messages";
import { usePresenceAnnouncer } from "@/lib/client/presence";
import { useInboxLocation } from "@/lib/client/use-inbox-location";

/**
 * One conversation: header (where it stands in the team's work, its actions, who else is here),
 * thread and composer. Opening it (and new messages) marks it read; being on it, and typing in the
 * composer, is announced to others.
 */
export function ConversationPanel({ conversationId }: { conversationId: string }) {
  const { listHref } = useInboxLocation();
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const markRead = useMarkRead(conversationId);
  const presence = usePresenceAnnouncer(conversationId);
  const newest = messages.data?.pages[0]?.messages[0]?.id;
  const { mutate } = markRead;

  useEffect(() => {
    if (newest) mutate();
  }, [newest, mutate]);

  if (conversation.isPending) return <p className="p-6 text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  if (conversation.isError) {
    return (
      <p role="alert" className="p-6 text-sm text-red-700 dark:text-red-300">
        Could not load this conversation ({conversation.error.message}).
      </p>
    );
  }
  const { data } = conversation;
  const names = new Map(data.participants.flatMap((p) => (p.name ? [[p.phoneNumber, p.name] as const] : [])));
  const label = (number: string) => names.get(number) ?? formatPhoneNumber(number);
  return (
    <section aria-labelledby="conversation-heading" className="flex min-h-0 flex-1 flex-col">
      <header className="flex flex-col gap-2 border-b border-slate-200 px-4 py-3 dark:border-slate-800">
        <div className="min-w-0">
          <Link href={listHref} className="mb-1 inline-block text-sm text-brand-700 md:hidden dark:text-brand-100">
            ← All conversations
          </Link>
          <h1 id="conversation-heading" className="break-words font-semibold">
            {data.title}
          </h1>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {data.isGroup ? `Group of ${data.participants.length} · ` : ""}via {formatPhoneNumber(data.ownerNumber)}
          </p>
          <ParticipantLabels participants={data.participants} />
          <PresenceIndicator conversationId={conversationId} />
        </div>
        <ConversationActions conversation={data} />
      </header>
      <MessageThread conversationId={conversationId} isGroup={data.isGroup} label={label} />
      <Composer
        key={conversationId}
        conversationId={conversationId}
        isGroup={data.isGroup}
        tollFree={isTollFreeNumber(data.ownerNumber)}
        onTyping={presence.typing}
      />
    </section>
  );
}
