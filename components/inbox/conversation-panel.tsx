"use client";

import Link from "next/link";
import { useEffect, useMemo } from "react";
import { ConsentMenu } from "@/components/consent/consent-menu";
import { OptOutBanner } from "@/components/consent/opt-out-banner";
import { BackToList } from "@/components/inbox/back-to-list";
import { Composer } from "@/components/inbox/composer";
import { ConversationActions } from "@/components/inbox/conversation-actions";
import { MessageThread } from "@/components/inbox/message-thread";
import { ParticipantLabels } from "@/components/inbox/participant-labels";
import { PresenceIndicator } from "@/components/inbox/presence-indicator";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { isTollFreeNumber } from "@/lib/bandwidth/number-rules";
import { optedOutIn } from "@/lib/client/consent";
import { useConversation } from "@/lib/client/conversations";
import { useMarkRead, useMessages } from "@/lib/client/messages";
import { usePresenceAnnouncer } from "@/lib/client/presence";

/**
 * One conversation: header (where it stands in the team's work, its actions, who else is here),
 * who opted out (banner; the composer says why it cannot text them), thread and composer. Opening it (and new messages) marks it read; being on it, and typing in the
 * composer, is announced to others.
 */
export function ConversationPanel({ conversationId }: { conversationId: string }) {
  const conversation = useConversation(conversationId);
  const messages = useMessages(conversationId);
  const markRead = useMarkRead(conversationId);
  const presence = usePresenceAnnouncer(conversationId);
  const newest = messages.data?.pages[0]?.messages[0]?.id;
  const { mutate } = markRead;
  const optedOut = useMemo(() => (conversation.data ? optedOutIn(conversation.data) : []), [conversation.data]);
  const optedOutNumbers = useMemo(() => new Set(optedOut.map((view) => view.phoneNumber)), [optedOut]);
  // The words that opted them out ("STOP"), when that message is in the loaded thread.
  const keywordOf = (messageId: string | null) => {
    const text = messageId
      ? messages.data?.pages.flatMap((page) => page.messages).find((message) => message.id === messageId)?.text
      : undefined;
    const words = text?.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    return words && words.length <= 20 ? words.toUpperCase() : null;
  };

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
          <BackToList />
          <h1 id="conversation-heading" className="break-words font-semibold">
            {data.title}
          </h1>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {data.isGroup ? `Group of ${data.participants.length} · ` : ""}via {formatPhoneNumber(data.ownerNumber)}
          </p>
          {data.alsoOn.map((copy) => (
            <p key={copy.conversationId} className="text-xs text-slate-600 dark:text-slate-400">
              Also received on {formatPhoneNumber(copy.ownerNumber)}:{" "}
              <Link
                href={`/conversations/${copy.conversationId}`}
                className="text-brand-700 underline underline-offset-2 dark:text-brand-100"
              >
                open that copy
              </Link>
            </p>
          ))}
          <ParticipantLabels participants={data.participants} />
          <PresenceIndicator conversationId={conversationId} />
        </div>
        <ConversationActions
          conversation={data}
          more={
            <ConsentMenu
              participants={data.participants.filter((p) => !p.ourLine)}
              optedOut={optedOut}
              ourNumber={data.ownerNumber}
              buttonClassName={HEADER_BUTTON}
            />
          }
        />
      </header>
      <OptOutBanner
        optedOut={optedOut}
        ourNumber={data.ownerNumber}
        nameOf={(number) => names.get(number) ?? null}
        keywordOf={keywordOf}
      />
      <MessageThread
        conversationId={conversationId}
        isGroup={data.isGroup}
        label={label}
        consent={{ ourNumber: data.ownerNumber, optedOut: optedOutNumbers }}
      />
      <Composer
        key={conversationId}
        conversationId={conversationId}
        isGroup={data.isGroup}
        tollFree={isTollFreeNumber(data.ownerNumber)}
        cannotReply={data.cannotReply}
        consent={{
          ownerNumber: data.ownerNumber,
          participants: data.participants.map((p) => p.phoneNumber),
          optedOut,
        }}
        onTyping={presence.typing}
      />
    </section>
  );
}

const HEADER_BUTTON =
  "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";
