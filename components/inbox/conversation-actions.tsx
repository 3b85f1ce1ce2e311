"use client";

import { type ReactNode, useEffect, useState } from "react";
import { Initials } from "@/components/inbox/initials";
import { SnoozeMenu } from "@/components/inbox/snooze-menu";
import { TeammatePicker } from "@/components/inbox/teammate-picker";
import { TranscriptLink } from "@/components/inbox/transcript-link";
import { useViewer } from "@/components/inbox/viewer-context";
import { usePopover } from "@/components/ui/popover";
import { formatWhen } from "@/lib/client/format-time";
import { takeReplyFocusRequest } from "@/lib/client/reply-focus";
import type { ConversationHeader } from "@/lib/client/types";
import { useShortcuts } from "@/lib/client/use-shortcuts";
import { useTeammates, useUpdateConversation, type WorkflowChange } from "@/lib/client/workflow";
import { describeChange, problemInWords } from "@/lib/client/workflow-words";

const buttonClass =
  "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";

/**
 * Where the conversation stands and what the agent can do about it: status, assignee (picker),
 * "Assign to me" or "Unassign", Snooze, Close or Reopen. Also the keys: `e` close, `a` assign to
 * me, `s` snooze, `r` or Enter to the reply box. The outcome is announced politely.
 */
/** The header's actions; `more` (the consent menu) joins the same row, so the buttons wrap as one line. */
export function ConversationActions({ conversation, more }: { conversation: ConversationHeader; more?: ReactNode }) {
  const viewer = useViewer();
  const update = useUpdateConversation(conversation.id);
  const teammates = useTeammates(conversation.id);
  const snooze = usePopover();
  const [announcement, setAnnouncement] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const mine = conversation.assignee?.id === viewer.id;

  const run = async (change: WorkflowChange, what: string, inline = false) => {
    setProblem(null);
    try {
      const header = await update.mutateAsync(change);
      setAnnouncement(describeChange(change, header, viewer.id));
    } catch (error) {
      const words = problemInWords(error instanceof Error ? error.message : String(error));
      if (!inline) setProblem(`Could not ${what}: ${words}`);
      throw new Error(words);
    }
  };
  const act = (change: WorkflowChange, what: string) => void run(change, what).catch(() => undefined);

  // Opened from the keyboard: straight into the reply box.
  useEffect(() => {
    if (takeReplyFocusRequest(conversation.id)) document.getElementById("composer-text")?.focus();
  }, [conversation.id]);

  useShortcuts({
    close: () =>
      conversation.status === "closed" ? setAnnouncement("Already closed") : act({ status: "closed" }, "close"),
    assign: () =>
      mine ? setAnnouncement("Already assigned to you") : act({ assigneeId: viewer.id }, "assign it to you"),
    snooze: () => snooze.setOpen(true),
    reply: () => document.getElementById("composer-text")?.focus(),
  });

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Conversation actions">
        <StatusBadge conversation={conversation} />
        <TeammatePicker
          button={
            conversation.assignee ? (
              <>
                <Initials name={conversation.assignee.name} />
                <span className="max-w-40 truncate">
                  {mine ? `${conversation.assignee.name} (you)` : conversation.assignee.name}
                </span>
                <span aria-hidden>▾</span>
              </>
            ) : (
              <>
                Unassigned <span aria-hidden>▾</span>
              </>
            )
          }
          buttonLabel={`Assignee: ${conversation.assignee ? conversation.assignee.name : "nobody"}. Change`}
          buttonClassName={buttonClass}
          teammates={teammates.data}
          loading={teammates.isPending}
          error={teammates.isError ? teammates.error.message : null}
          currentId={conversation.assignee?.id ?? null}
          viewerId={viewer.id}
          onPick={(teammate) => act({ assigneeId: teammate?.id ?? null }, "change the assignee")}
        />
        {mine ? (
          <button type="button" className={buttonClass} onClick={() => act({ assigneeId: null }, "unassign it")}>
            Unassign
          </button>
        ) : (
          <button
            type="button"
            className={buttonClass}
            onClick={() => act({ assigneeId: viewer.id }, "assign it to you")}
            aria-keyshortcuts="a"
          >
            Assign to me
          </button>
        )}
        <SnoozeMenu
          popover={snooze}
          buttonClassName={buttonClass}
          onSnooze={(until) => run({ status: "snoozed", snoozedUntil: until.toISOString() }, "snooze it", true)}
        />
        {conversation.status === "snoozed" ? (
          <button type="button" className={buttonClass} onClick={() => act({ status: "open" }, "reopen it")}>
            Reopen
          </button>
        ) : null}
        {/* One button that turns from Close into Reopen, so focus stays on it when it is pressed. */}
        <button
          key="close-or-reopen"
          type="button"
          className={buttonClass}
          onClick={() =>
            conversation.status === "closed"
              ? act({ status: "open" }, "reopen it")
              : act({ status: "closed" }, "close it")
          }
          aria-keyshortcuts={conversation.status === "closed" ? undefined : "e"}
        >
          {conversation.status === "closed" ? "Reopen" : "Close"}
        </button>
        {viewer.role === "ADMIN" ? <TranscriptLink conversationId={conversation.id} className={buttonClass} /> : null}
        {more}
      </div>
      {problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {problem}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

function StatusBadge({ conversation }: { conversation: ConversationHeader }) {
  const look =
    conversation.status === "open"
      ? "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
      : conversation.status === "snoozed"
        ? "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"
        : "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-200";
  const text =
    conversation.status === "snoozed" && conversation.snoozedUntil
      ? `Snoozed until ${formatWhen(new Date(conversation.snoozedUntil))}`
      : conversation.status === "closed"
        ? "Closed"
        : "Open";
  return (
    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${look}`} data-testid="conversation-status">
      {text}
    </span>
  );
}
