import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { fetchJson } from "./query-client";
import type { ConversationView } from "@/lib/validations/conversations";
import type { ConversationHeader, ConversationPage, SenderNumber } from "./types";

export type ConversationFilters = { view?: ConversationView; q?: string; ownerNumber?: string };

export const inboxKeys = {
  conversations: ["conversations"] as const,
  conversationList: (filters: ConversationFilters) => ["conversations", filters] as const,
  /** Under "conversations" too: every change notice that refreshes the list refreshes the counts. */
  counts: (ownerNumber?: string) => ["conversations", "counts", ownerNumber ?? null] as const,
  conversationHeaders: ["conversation"] as const,
  conversation: (id: string) => ["conversation", id] as const,
  messages: (id: string) => ["messages", id] as const,
  numbers: ["numbers"] as const,
};

export function conversationListOptions(filters: ConversationFilters) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.conversationList(filters),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: "30" });
      if (filters.view) params.set("view", filters.view);
      if (filters.q) params.set("q", filters.q);
      if (filters.ownerNumber) params.set("ownerNumber", filters.ownerNumber);
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<ConversationPage>(`/api/conversations?${params}`, { signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // The list is the first thing an agent looks at: a failure shows at once with "Try again"
    // (live events and that button refetch) rather than after retries behind "Loading…".
    retry: false,
  });
}

export function useConversationList(filters: ConversationFilters, enabled = true) {
  return useInfiniteQuery({ ...conversationListOptions(filters), enabled });
}

export function conversationOptions(id: string) {
  return queryOptions({
    queryKey: inboxKeys.conversation(id),
    queryFn: ({ signal }) =>
      fetchJson<{ conversation: ConversationHeader }>(`/api/conversations/${id}`, { signal }).then(
        (body) => body.conversation,
      ),
  });
}

export function useConversation(id: string) {
  return useQuery(conversationOptions(id));
}

export function useSenderNumbers() {
  return useQuery({
    queryKey: inboxKeys.numbers,
    queryFn: ({ signal }) =>
      fetchJson<{ numbers: SenderNumber[] }>("/api/numbers", { signal }).then((body) => body.numbers),
    staleTime: 5 * 60_000,
  });
}
