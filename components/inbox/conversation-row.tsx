"use client";

import Link from "next/link";
import { OptedOutIcon } from "@/components/consent/opted-out-icon";
import { focusReplyWhenOpened } from "@/lib/client/reply-focus";
import { Initials, initialsOf } from "@/components/inbox/initials";
import { StatusIcon } from "@/components/inbox/status-icon";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { hasOptedOut } from "@/lib/client/consent";
import { formatRelativeTime, formatWhen } from "@/lib/client/format-time";
import { unreadBadge, unreadLabel } from "@/lib/client/unread-badge";
import type { ConversationPage } from "@/lib/client/types";

type Conversation = ConversationPage["conversations"][number];

/**
 * A row of the list: a checkbox to select it (beside the link, not inside it) and the link that
 * opens it, with the last message, unread count, our number, where it stands and who has it, and a
 * mark when someone in it opted out.
 */
export function ConversationRow({
  conversation,
  href,
  current,
  selected,
  onSelect,
}: {
  conversation: Conversation;
  href: string;
  current: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const outbound = conversation.lastMessage?.direction === "OUTBOUND";
  return (
    <li
      className={`flex items-start hover:bg-slate-50 dark:hover:bg-slate-900 ${current ? "bg-brand-50 dark:bg-slate-800" : selected ? "bg-slate-50 dark:bg-slate-900" : ""}`}
    >
      <input
        type="checkbox"
        checked={selected}
        onChange={(event) => onSelect(event.target.checked)}
        aria-label={`Select ${conversation.title}`}
        className="mt-4 ml-3 h-4 w-4 shrink-0 accent-brand-600"
      />
      <Link
        href={href}
        // Enter on the row (a click without a pointer) opens it in the reply box.
        onClick={(event) => {
          if (event.detail === 0) focusReplyWhenOpened(conversation.id);
        }}
        data-conversation-link
        aria-current={current ? "page" : undefined}
        className="flex min-w-0 flex-1 gap-3 py-3 pr-4 pl-3 outline-none focus-visible:bg-brand-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset dark:focus-visible:bg-slate-800"
      >
        <Avatar names={conversation.participants.map((p) => p.name ?? p.phoneNumber)} />
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="flex items-baseline justify-between gap-2">
            <span className={`min-w-0 truncate ${conversation.unreadCount > 0 ? "font-semibold" : "font-medium"}`}>
              {conversation.isGroup ? (
                <span className="mr-1 text-xs font-normal text-slate-600 dark:text-slate-400">Group ·</span>
              ) : null}
              {conversation.title}
            </span>
            {hasOptedOut(conversation) ? <OptedOutMark /> : null}
            <time className="shrink-0 text-xs text-slate-600 dark:text-slate-400" dateTime={conversation.updatedAt}>
              {formatRelativeTime(new Date(conversation.updatedAt))}
            </time>
          </span>
          <span className="flex items-center justify-between gap-2 text-sm text-slate-600 dark:text-slate-400">
            <span className="flex min-w-0 items-center gap-1">
              {outbound && conversation.lastMessage ? (
                <StatusIcon
                  status={conversation.lastMessage.status}
                  partial={conversation.lastMessage.partialDelivery}
                />
              ) : null}
              <span className="truncate">
                {outbound && conversation.lastMessage?.origin !== "EXTERNAL" ? "You: " : ""}
                {conversation.lastMessage?.partialDelivery ? `${conversation.lastMessage.partialDelivery} · ` : ""}
                {conversation.lastMessage?.preview}
              </span>
            </span>
            {conversation.unreadCount > 0 ? (
              <span
                className="shrink-0 rounded-full bg-brand-600 px-2 text-xs font-semibold text-white"
                aria-label={unreadLabel(conversation.unreadCount)}
              >
                {unreadBadge(conversation.unreadCount)}
              </span>
            ) : null}
          </span>
          <span className="flex items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
            <span className="min-w-0 truncate">
              <StatusMark conversation={conversation} />
              via {formatPhoneNumber(conversation.ownerNumber)}
            </span>
            {conversation.assignee ? (
              <span className="flex min-w-0 max-w-[50%] items-center gap-1" data-assignee>
                <Initials name={conversation.assignee.name} className="h-4 w-4 text-[0.5rem]" />
                <span className="truncate">{conversation.assignee.name}</span>
              </span>
            ) : (
              <span className="shrink-0 italic" data-assignee>
                Unassigned
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}

/** A no-entry sign: this conversation cannot be texted (or not all of it). */
function OptedOutMark() {
  return (
    <span
      role="img"
      aria-label="Opted out"
      title="Opted out"
      data-opted-out
      className="ml-auto inline-flex h-4 w-4 shrink-0 self-center text-red-700 dark:text-red-400"
    >
      <OptedOutIcon />
    </span>
  );
}

function StatusMark({ conversation }: { conversation: Conversation }) {
  if (conversation.status === "open") return null;
  const text =
    conversation.status === "snoozed" && conversation.snoozedUntil
      ? `Snoozed until ${formatWhen(new Date(conversation.snoozedUntil))}`
      : conversation.status === "closed"
        ? "Closed"
        : "Snoozed";
  return (
    <span className="mr-1.5 rounded bg-slate-100 px-1 font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
      {text}
    </span>
  );
}

function Avatar({ names }: { names: string[] }) {
  const shown = names.slice(0, 2);
  return (
    <span aria-hidden className="relative mt-0.5 h-9 w-9 shrink-0">
      {shown.map((name, index) => (
        <span
          key={index}
          className={`absolute flex items-center justify-center rounded-full border-2 border-white bg-slate-200 text-xs font-semibold text-slate-700 dark:border-slate-950 dark:bg-slate-700 dark:text-slate-100 ${shown.length > 1 ? `h-6 w-6 ${index === 0 ? "top-0 left-0" : "right-0 bottom-0"}` : "inset-0"}`}
        >
          {initialsOf(name)}
        </span>
      ))}
    </span>
  );
}
