import Link from "next/link";
import { StatusBadge } from "@/components/inbox/status-badge";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { formatRelativeTime } from "@/lib/client/format-time";
import type { ConversationListItem } from "@/lib/messaging/conversation-queries";

export function ConversationList({ conversations, selectedId }: { conversations: ConversationListItem[]; selectedId?: string }) {
  if (conversations.length === 0) {
    return (
      <div className="p-6 text-sm text-slate-600 dark:text-slate-400">
        No conversations yet. When a customer texts one of your numbers, it shows up here.
      </div>
    );
  }
  return (
    <ul aria-label="Conversations" className="divide-y divide-slate-100 dark:divide-slate-800">
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <Link
            href={`/conversations/${conversation.id}`}
            aria-current={conversation.id === selectedId ? "page" : undefined}
            className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 aria-[current=page]:bg-brand-50 dark:hover:bg-slate-900 dark:aria-[current=page]:bg-slate-800"
          >
            <div className="flex items-baseline justify-between gap-2">
              <span className="truncate font-medium">
                {conversation.isGroup ? <span className="mr-1 text-xs text-slate-500">Group ·</span> : null}
                {conversation.title}
              </span>
              <time className="shrink-0 text-xs text-slate-500 dark:text-slate-400" dateTime={conversation.updatedAt.toISOString()}>
                {formatRelativeTime(conversation.updatedAt)}
              </time>
            </div>
            <div className="flex items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
              <span className="truncate">
                {conversation.lastMessage?.direction === "OUTBOUND" ? "You: " : ""}
                {conversation.lastMessage?.preview}
              </span>
              <span className="flex shrink-0 items-center gap-1">
                {conversation.lastMessage?.direction === "OUTBOUND" ? <StatusBadge status={conversation.lastMessage.status} /> : null}
                {conversation.unreadCount > 0 ? (
                  <span className="rounded-full bg-brand-600 px-2 text-xs font-semibold text-white" aria-label={`${conversation.unreadCount} unread`}>
                    {conversation.unreadCount}
                  </span>
                ) : null}
              </span>
            </div>
            <span className="text-xs text-slate-500 dark:text-slate-400">via {formatPhoneNumber(conversation.ownerNumber)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
