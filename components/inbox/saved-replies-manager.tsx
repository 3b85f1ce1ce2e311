"use client";

import { useState } from "react";
import { SavedReplyForm } from "@/components/inbox/saved-reply-form";
import { Button } from "@/components/ui/button";
import { FormProblem } from "@/components/ui/form-problem";
import { useDeleteSavedReply, useSavedReplies, type SavedReply } from "@/lib/client/saved-replies";

/**
 * The signed-in user's personal replies and the team's. Everyone manages their own; the team's
 * are for admins to manage and read-only for agents (the server decides, `canManage`).
 */
export function SavedRepliesManager({ isAdmin }: { isAdmin: boolean }) {
  const replies = useSavedReplies();
  const all = replies.data ?? [];
  const status = replies.isPending ? "Loading…" : null;
  return (
    <>
      {replies.isError ? <FormProblem error={replies.error} /> : null}
      <ReplySection
        title="Your replies"
        description="Only you see these."
        empty={status ?? "You have no personal replies yet."}
        replies={all.filter((reply) => reply.scope === "personal")}
        addForm={<SavedReplyForm scope="personal" />}
        addLabel="Add a personal reply"
      />
      <ReplySection
        title="Team replies"
        description={
          isAdmin
            ? "Every agent sees these. As an admin, you manage them."
            : "Every agent sees these. Admins manage them."
        }
        empty={status ?? "The team has no shared replies yet."}
        replies={all.filter((reply) => reply.scope === "team")}
        addForm={isAdmin ? <SavedReplyForm scope="team" /> : null}
        addLabel="Add a team reply"
      />
    </>
  );
}

function ReplySection({
  title,
  description,
  empty,
  replies,
  addForm,
  addLabel,
}: {
  title: string;
  description: string;
  empty: string;
  replies: SavedReply[];
  addForm: React.ReactNode;
  addLabel: string;
}) {
  const headingId = `replies-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-base font-semibold">
        {title}
      </h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{description}</p>
      {replies.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>
      ) : (
        <ul aria-label={title} className="divide-y divide-slate-100 dark:divide-slate-800">
          {replies.map((reply) => (
            <ReplyItem key={reply.id} reply={reply} />
          ))}
        </ul>
      )}
      {addForm ? (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm font-medium text-brand-700 dark:text-brand-100">
            {addLabel}
          </summary>
          <div className="mt-3 max-w-2xl">{addForm}</div>
        </details>
      ) : null}
    </section>
  );
}

function ReplyItem({ reply }: { reply: SavedReply }) {
  const [editing, setEditing] = useState(false);
  const remove = useDeleteSavedReply();
  if (editing)
    return (
      <li className="py-3">
        <SavedReplyForm scope={reply.scope} reply={reply} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <h3 className="font-medium break-words">{reply.name}</h3>
        <p className="text-sm whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">{reply.body}</p>
        <FormProblem error={remove.error} />
      </div>
      {reply.canManage ? (
        <div className="flex shrink-0 gap-2">
          <Button
            variant="secondary"
            className="px-2 py-1 text-xs"
            aria-label={`Edit ${reply.name}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </Button>
          <Button
            variant="secondary"
            className="px-2 py-1 text-xs"
            aria-label={`Delete ${reply.name}`}
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the saved reply “${reply.name}”?`)) remove.mutate(reply.id);
            }}
          >
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}
