import {
  infiniteQueryOptions,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
  type InfiniteData,
} from "@tanstack/react-query";
import { inboxKeys } from "./conversations";
import { fetchJson, sendJson } from "./query-client";
import type { Message, MessagePage } from "./types";

export function messagesOptions(conversationId: string) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.messages(conversationId),
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ limit: "50" });
      if (pageParam) params.set("before", pageParam);
      return fetchJson<MessagePage>(`/api/conversations/${conversationId}/messages?${params}`, { signal });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useMessages(conversationId: string) {
  return useInfiniteQuery(messagesOptions(conversationId));
}

const post = (url: string, body: unknown) => sendJson<{ message: Message }>(url, "POST", body);

/** A reply in flight in this conversation (presence stops saying "replying…" when it starts). */
export const replyMutationKey = (conversationId: string) => ["reply", conversationId] as const;

/** Replies in a conversation; the message shows at once (as the server stored it: queued). */
export function useReply(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: replyMutationKey(conversationId),
    mutationFn: ({ text, mediaIds }: { text: string; mediaIds: string[] }) =>
      post("/api/messages", { conversationId, text, ...(mediaIds.length ? { mediaIds } : {}) }).then(
        (body) => body.message,
      ),
    onSuccess: (message) => {
      client.setQueryData<InfiniteData<MessagePage>>(inboxKeys.messages(conversationId), (data) => {
        if (!data?.pages[0] || data.pages[0].messages.some((m) => m.id === message.id)) return data;
        const [first, ...rest] = data.pages;
        return { ...data, pages: [{ ...first, messages: [message, ...first.messages] }, ...rest] };
      });
      void client.invalidateQueries({ queryKey: inboxKeys.conversations });
    },
  });
}

/** Starts a conversation (or adds to the one these parties already have) from "New message". */
export function useStartConversation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ from, to, text, mediaIds }: { from: string; to: string[]; text: string; mediaIds: string[] }) =>
      post("/api/messages", { from, to, text, ...(mediaIds.length ? { mediaIds } : {}) }).then((body) => body.message),
    onSuccess: () => void client.invalidateQueries({ queryKey: inboxKeys.conversations }),
  });
}

/**
 * Sends a failed message again to the recipients a retry can help (a new message, often in another
 * conversation). Either way (sent, or 409: already sent) the original thread refetches so its
 * recipients say where the retry went instead of offering it again.
 */
export function useRetryFailed(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) => post(`/api/messages/${messageId}/retry`, {}).then((body) => body.message),
    onSuccess: (message) => void client.invalidateQueries({ queryKey: inboxKeys.messages(message.conversationId) }),
    // Returned: the button says "Sending again…" until the thread shows where the retry went.
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: inboxKeys.messages(conversationId) }),
        client.invalidateQueries({ queryKey: inboxKeys.conversations }),
      ]),
  });
}

export function useMarkRead(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson(`/api/conversations/${conversationId}/read`, { method: "PUT" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: inboxKeys.conversations }),
  });
}
