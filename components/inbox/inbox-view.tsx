"use client";

import { ConversationListPanel } from "@/components/inbox/conversation-list-panel";
import { ConversationPanel } from "@/components/inbox/conversation-panel";
import { DesktopNotifications } from "@/components/inbox/desktop-notifications";
import { LiveIndicator } from "@/components/inbox/live-indicator";
import { NewConversation } from "@/components/inbox/new-conversation";
import { useLiveUpdates } from "@/lib/client/live-updates";

/** The inbox: list on the left, the open conversation on the right (one at a time on a phone). */
export function InboxView({ selectedId, composing = false }: { selectedId?: string; composing?: boolean }) {
  const live = useLiveUpdates();
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-live={live}>
      <LiveIndicator status={live} />
      <DesktopNotifications currentConversationId={selectedId} />
      <main className="grid min-h-0 flex-1 md:grid-cols-[22rem_1fr]">
        <section
          aria-label="Conversation list"
          className={`min-h-0 flex-col border-r border-slate-200 dark:border-slate-800 ${selectedId || composing ? "hidden md:flex" : "flex"}`}
        >
          <ConversationListPanel selectedId={selectedId} />
        </section>
        {composing ? (
          <NewConversation />
        ) : selectedId ? (
          <ConversationPanel key={selectedId} conversationId={selectedId} />
        ) : (
          <section className="hidden items-center justify-center text-sm text-slate-500 md:flex dark:text-slate-400">
            Choose a conversation to read it (j/k to move, Enter to open).
          </section>
        )}
      </main>
    </div>
  );
}
