import { formatWhen } from "./format-time";
import type { ConversationHeader } from "./types";
import type { BulkResult, WorkflowChange } from "./workflow";

// The workflow's outcomes in words: what the live region announces after a change, what a bulk
// action did, and the server's refusals without their field names.

/** "snoozedUntil: choose a time in the future." → "Choose a time in the future." */
export function problemInWords(message: string): string {
  const text = message.replace(/^[a-z][A-Za-z]*: /, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What a change did, from the agent's side: "Closed", "Assigned to you", "Snoozed until Tue 9:00 AM". */
export function describeChange(
  change: WorkflowChange,
  result: Pick<ConversationHeader, "status" | "snoozedUntil" | "assignee">,
  viewerId: string,
  now = new Date(),
): string {
  const parts: string[] = [];
  if (change.assigneeId !== undefined) {
    if (!result.assignee) parts.push("Unassigned");
    else parts.push(`Assigned to ${result.assignee.id === viewerId ? "you" : result.assignee.name}`);
  }
  if (change.status === "closed") parts.push("Closed");
  if (change.status === "open") parts.push("Reopened");
  if (change.status === "snoozed" && result.snoozedUntil)
    parts.push(`Snoozed until ${formatWhen(new Date(result.snoozedUntil), now)}`);
  return parts.join(", ");
}

/** A bulk action: close, reopen, or assign (to a person, or to nobody). */
export type BulkAction =
  { kind: "close" } | { kind: "reopen" } | { kind: "assign"; to: { id: string; name: string } | null };

export function bulkChange(action: BulkAction): WorkflowChange {
  if (action.kind === "close") return { status: "closed" };
  if (action.kind === "reopen") return { status: "open" };
  return { assigneeId: action.to?.id ?? null };
}

/**
 * "Closed 3 conversations." / "Assigned 2 conversations to you; 1 could not be: Dana Whitfield
 * (that teammate may not see this conversation's number)." / "Could not close Dana Whitfield (…)."
 */
export function summariseBulk(
  action: BulkAction,
  results: BulkResult[],
  viewerId: string,
  titleOf: (id: string) => string,
): string {
  const done = results.filter((result) => result.ok).length;
  const failed = results.flatMap((result) =>
    result.ok ? [] : [`${titleOf(result.id)} (${lowerFirst(problemInWords(result.message).replace(/\.$/, ""))})`],
  );
  const to =
    action.kind === "assign"
      ? action.to
        ? ` to ${action.to.id === viewerId ? "you" : action.to.name}`
        : " to nobody"
      : "";
  const [past, verb] = WORDS[action.kind];
  if (done === 0) return `Could not ${verb} ${failed.join("; ")}.`;
  const summary = `${past} ${count(done)}${to}`;
  return failed.length === 0 ? `${summary}.` : `${summary}; ${failed.length} could not be: ${failed.join("; ")}.`;
}

const WORDS: Record<BulkAction["kind"], [past: string, verb: string]> = {
  close: ["Closed", "close"],
  reopen: ["Reopened", "reopen"],
  assign: ["Assigned", "assign"],
};

function count(n: number): string {
  return `${n} conversation${n === 1 ? "" : "s"}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
