// Opening a conversation from the keyboard (Enter on a row, or in the search box) puts the agent
// in its reply box: the list asks before it navigates, the conversation takes the request once.

let requested: string | null = null;

/** Ask that the conversation about to open focus its reply box. */
export function focusReplyWhenOpened(conversationId: string): void {
  requested = conversationId;
}

/** Whether this conversation was asked to focus its reply box (answers yes once). */
export function takeReplyFocusRequest(conversationId: string): boolean {
  const yes = requested === conversationId;
  if (yes) requested = null;
  return yes;
}
