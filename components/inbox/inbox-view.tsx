"use client";

import { useState } from "react";
import { ConversationListPanel } from "@/components/inbox/conversation-list-panel";
import { ConversationPanel } from "@/components/inbox/conversation-panel";
import { DesktopNotifications } from "@/components/inbox/desktop-notifications";
import { LiveIndicator } from "@/components/inbox/live-indicator";
import { NewConversation } from "@/components/inbox/new-conversation";
import { ShortcutsDialog } from "@/components/inbox/shortcuts-dialog";
import { useLiveUpdates } from "@/lib/client/live-updates";
import { useTitleCount } from "@/lib/client/page-title";
import { useShortcuts } from "@/lib/client/use-shortcuts";
import { useConversationCounts } from "@/lib/client/workflow";

/**
 * The inbox: list on the left, the open conversation on the right (one at a time on a phone). The
 * page title counts what needs the agent; "?" lists the keyboard shortcuts.
 */
export function InboxView({ selectedId, composing = false }: { selectedId?: string; composing?: boolean }) {
  const live = useLiveUpdates();
  const counts = useConversationCounts();
  const [help, setHelp] = useState(false);
  useTitleCount(counts.data?.needsYou ?? 0);
  useShortcuts({ help: () => setHelp(true) });
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-live={live}>
      <LiveIndicator status={live} />
      <DesktopNotifications currentConversationId={selectedId} />
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1fr)] md:grid-cols-[22rem_minmax(0,1fr)]">
        <section
          aria-label="Conversation list"
          className={`min-h-0 min-w-0 flex-col border-r border-slate-200 dark:border-slate-800 ${selectedId || composing ? "hidden md:flex" : "flex"}`}
        >
          <ConversationListPanel selectedId={selectedId} />
        </section>
        {composing ? (
          <NewConversation />
        ) : selectedId ? (
          <ConversationPanel key={selectedId} conversationId={selectedId} />
        ) : (
          <section className="hidden items-center justify-center p-6 text-center text-sm text-slate-600 md:flex dark:text-slate-400">
            Choose a conversation to read it (j/k to move, Enter to open, ? for every shortcut).
          </section>
        )}
      </main>
      {help ? <ShortcutsDialog onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
