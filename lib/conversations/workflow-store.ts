import "server-only";
import { canViewConversation, isInScope, type Actor } from "@/lib/auth/policies";
import type { Db } from "@/lib/db";
import { HttpError, unprocessable } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueInTransaction, QUEUES } from "@/lib/jobs/queue";
import { publishChanges } from "@/lib/realtime/publish";
import type { ConversationHeader, Person } from "@/lib/validations/conversation-view";
import { findViewableConversation, getConversation } from "./conversation-queries";
import { viewerScope } from "./viewer-scope";
import {
  assignOnReply,
  planChange,
  wakeFromSnooze,
  type ActivityEntry,
  type WorkflowChange,
  type WorkflowState,
} from "./workflow";

type Tx = Prisma.TransactionClient;

/** Data of a `snooze-end` job: the conversation and the snooze it ends. */
export type SnoozeEndJob = { conversationId: string; until: string };

/**
 * An agent changes a conversation's status, snooze or assignee (any viewer of the conversation
 * may; admins on all). The assignee must be an active user who may see it. One transaction: the
 * row (locked), the activity entries, the snooze's end job and the change notice. Idempotent:
 * asking for the state it is in changes and records nothing.
 */
export async function updateConversationWorkflow(
  database: Db,
  actor: Actor,
  conversationId: string,
  change: WorkflowChange,
  options: { minSnoozeMs: number },
): Promise<ConversationHeader> {
  const conversation = await findViewableConversation(database, actor, conversationId);
  if (change.assigneeId) await checkAssignable(database, change.assigneeId, conversation);
  await database.$transaction(async (tx) => {
    const current = await lockState(tx, conversationId);
    const plan = planChange(current, change, new Date(), options.minSnoozeMs);
    if (!plan.ok) throw unprocessable(plan.problem);
    if (plan.activity.length === 0) return;
    await saveState(tx, conversationId, plan.next);
    await recordActivity(tx, conversationId, actor.id, plan.activity);
    if (plan.next.status === "snoozed" && plan.next.snoozedUntil && plan.activity.some((a) => a.kind === "snoozed")) {
      const job: SnoozeEndJob = { conversationId, until: plan.next.snoozedUntil.toISOString() };
      await enqueueInTransaction(tx, QUEUES.snoozeEnd, job, { startAfter: plan.next.snoozedUntil });
    }
    await publishChanges(tx, [{ kind: "conversation.updated", conversationId }]);
  });
  return getConversation(database, actor, conversationId);
}

/**
 * The same change to several conversations (bulk close, bulk assign): each on its own, so one the
 * agent may not touch (404) or a refused change (422) does not undo the others.
 */
export async function updateConversationsWorkflow(
  database: Db,
  actor: Actor,
  ids: string[],
  change: WorkflowChange,
  options: { minSnoozeMs: number },
): Promise<Array<{ id: string; ok: true } | { id: string; ok: false; status: number; message: string }>> {
  const results = [];
  for (const id of new Set(ids)) {
    try {
      await updateConversationWorkflow(database, actor, id, change, options);
      results.push({ id, ok: true as const });
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      results.push({ id, ok: false as const, status: error.status, message: error.message });
    }
  }
  return results;
}

/** The `snooze-end` job: reopens the conversation if that snooze is still the one in force. */
export async function endSnooze(database: Db, job: SnoozeEndJob): Promise<boolean> {
  return database.$transaction(async (tx) => {
    const current = await lockState(tx, job.conversationId).catch(() => null);
    const entry = current && wakeFromSnooze(current, new Date(job.until));
    if (!current || !entry) return false;
    await saveState(tx, job.conversationId, { ...current, status: "open", snoozedUntil: null });
    await recordActivity(tx, job.conversationId, null, [entry]);
    await publishChanges(tx, [{ kind: "conversation.updated", conversationId: job.conversationId }]);
    return true;
  });
}

/** Inside the send's transaction: a reply to an unassigned conversation assigns it to the sender. */
export async function assignOnReplyInTransaction(tx: Tx, conversationId: string, senderId: string): Promise<void> {
  const current = await lockState(tx, conversationId);
  const entry = assignOnReply(current, senderId);
  if (!entry) return;
  await saveState(tx, conversationId, { ...current, assigneeId: senderId });
  await recordActivity(tx, conversationId, senderId, [entry]);
}

/** Inside a deactivation's transaction: the person's conversations go back to nobody. */
export async function unassignAllOf(tx: Tx, userId: string, actorId: string): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE conversations SET assignee_id = NULL, updated_at = now() WHERE assignee_id = ${userId}::uuid RETURNING id::text`;
  if (rows.length === 0) return 0;
  await tx.conversationActivity.createMany({
    data: rows.map((row) => ({
      conversationId: row.id,
      kind: "unassigned" as const,
      actorId,
      reason: "agent deactivated",
    })),
  });
  await publishChanges(
    tx,
    rows.map((row) => ({ kind: "conversation.updated" as const, conversationId: row.id })),
  );
  return rows.length;
}

/**
 * The active teammates who may see this conversation (whom it can be assigned to, who can be
 * mentioned in its notes), by name; for a viewer who may see it (404 otherwise).
 */
export async function listTeammates(database: Db, viewer: Actor, conversationId: string): Promise<Person[]> {
  const conversation = await findViewableConversation(database, viewer, conversationId);
  const users = await database.user.findMany({
    where: { active: true },
    select: { id: true, name: true, role: true, active: true },
    orderBy: { name: "asc" },
  });
  const numbers = await database.phoneNumber.findMany({
    select: { e164: true, allowAllAgents: true, agents: { select: { userId: true } } },
  });
  const number = numbers.find((candidate) => candidate.e164 === conversation.ownerNumber);
  const access = number
    ? { allowAllAgents: number.allowAllAgents, agentIds: number.agents.map((a) => a.userId) }
    : null;
  return users
    .filter((user) => canViewConversation(user, { number: access }))
    .map((user) => ({ id: user.id, name: user.name }));
}

async function checkAssignable(database: Db, assigneeId: string, conversation: { ownerNumber: string }) {
  const user = await database.user.findUnique({
    where: { id: assigneeId },
    select: { id: true, role: true, active: true },
  });
  if (!user || !user.active) throw unprocessable("assigneeId: no active teammate with that id.");
  if (!isInScope(await viewerScope(database, user), conversation))
    throw unprocessable("assigneeId: that teammate may not see this conversation's number.");
}

async function lockState(tx: Tx, conversationId: string): Promise<WorkflowState> {
  const rows = await tx.$queryRaw<
    Array<{ status: WorkflowState["status"]; assignee_id: string | null; snoozed_until: Date | null }>
  >`
    SELECT status, assignee_id::text, snoozed_until FROM conversations WHERE id = ${conversationId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new HttpError(404, "not_found", "No conversation with that id.");
  return { status: row.status, assigneeId: row.assignee_id, snoozedUntil: row.snoozed_until };
}

async function saveState(tx: Tx, conversationId: string, state: WorkflowState) {
  await tx.conversation.update({
    where: { id: conversationId },
    data: { status: state.status, assigneeId: state.assigneeId, snoozedUntil: state.snoozedUntil },
  });
}

async function recordActivity(tx: Tx, conversationId: string, actorId: string | null, entries: ActivityEntry[]) {
  // One millisecond apart, so entries of one change keep their order in the thread.
  const base = Date.now();
  await tx.conversationActivity.createMany({
    data: entries.map((entry, index) => ({
      conversationId,
      actorId,
      kind: entry.kind,
      assigneeId: entry.assigneeId ?? null,
      snoozedUntil: entry.snoozedUntil ?? null,
      reason: entry.reason ?? null,
      createdAt: new Date(base + index),
    })),
  });
}
