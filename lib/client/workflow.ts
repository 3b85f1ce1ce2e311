import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { inboxKeys } from "./conversations";
import { fetchJson, sendJson } from "./query-client";
import type { ConversationCounts, ConversationHeader } from "./types";

/** What PATCH /api/conversations/{id} takes (lib/validations/conversations.ts updateConversationBody). */
export type WorkflowChange = {
  status?: "open" | "snoozed" | "closed";
  snoozedUntil?: string;
  assigneeId?: string | null;
};

export type Teammate = { id: string; name: string };

/** Each view's size and what needs the agent; under the list's key, so every change notice refreshes it. */
export function countsOptions(ownerNumber?: string) {
  return queryOptions({
    queryKey: inboxKeys.counts(ownerNumber),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams(ownerNumber ? { ownerNumber } : {});
      return fetchJson<{ counts: ConversationCounts }>(`/api/conversations/counts?${params}`, { signal }).then(
        (body) => body.counts,
      );
    },
    // Without a view in the address the list waits for the counts: fail fast, as the list does.
    retry: false,
  });
}

export function useConversationCounts(ownerNumber?: string) {
  return useQuery(countsOptions(ownerNumber));
}

/** Close, reopen, snooze, assign: the header updates at once from the answer, the lists refetch. */
export function useUpdateConversation(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: WorkflowChange) =>
      sendJson<{ conversation: ConversationHeader }>(`/api/conversations/${conversationId}`, "PATCH", change).then(
        (body) => body.conversation,
      ),
    onSuccess: (conversation) => {
      client.setQueryData(inboxKeys.conversation(conversationId), conversation);
      void client.invalidateQueries({ queryKey: inboxKeys.conversations });
      void client.invalidateQueries({ queryKey: inboxKeys.messages(conversationId) });
    },
  });
}

export type BulkResult = { id: string; ok: true } | { id: string; ok: false; status: number; message: string };

/** The same change to several conversations; the answer says which did not take. */
export function useBulkUpdate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, ...change }: WorkflowChange & { ids: string[] }) =>
      sendJson<{ results: BulkResult[] }>("/api/conversations/bulk", "POST", { ids, ...change }).then(
        (body) => body.results,
      ),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: inboxKeys.conversations });
      void client.invalidateQueries({ queryKey: inboxKeys.conversationHeaders });
    },
  });
}

/** Who the conversation can be assigned to or mention. */
export function useTeammates(conversationId: string) {
  return useQuery({
    queryKey: ["teammates", conversationId],
    queryFn: ({ signal }) =>
      fetchJson<{ teammates: Teammate[] }>(`/api/conversations/${conversationId}/teammates`, { signal }).then(
        (body) => body.teammates,
      ),
    staleTime: 60_000,
  });
}

/** Every active teammate (for assigning several conversations at once; the server refuses any who may not see one). */
export function useAllTeammates(enabled: boolean) {
  return useQuery({
    queryKey: ["teammates"],
    queryFn: ({ signal }) =>
      fetchJson<{ teammates: Teammate[] }>("/api/teammates", { signal }).then((body) => body.teammates),
    staleTime: 60_000,
    enabled,
  });
}
