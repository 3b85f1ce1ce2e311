import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SavedReplyCreate, SavedReplyUpdate } from "@/lib/validations/saved-replies";
import type { SavedReplyView } from "@/lib/validations/saved-reply-view";
import { fetchJson, sendJson } from "./query-client";
import type { Json } from "./types";

export type SavedReply = Json<SavedReplyView>;

const savedReplyKeys = { all: ["saved-replies"] as const };

const savedRepliesOptions = () =>
  queryOptions({
    queryKey: savedReplyKeys.all,
    queryFn: ({ signal }) =>
      fetchJson<{ savedReplies: SavedReply[] }>("/api/saved-replies", { signal }).then((body) => body.savedReplies),
  });

/** The signed-in user's personal replies and the team's, by name. */
export function useSavedReplies() {
  return useQuery(savedRepliesOptions());
}

/** Any change: the list (the page's and every composer's) loads again. */
function useSavedReplyMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => void client.invalidateQueries({ queryKey: savedReplyKeys.all }) });
}

export const useCreateSavedReply = () =>
  useSavedReplyMutation((input: SavedReplyCreate) =>
    sendJson<{ savedReply: SavedReply }>("/api/saved-replies", "POST", input),
  );

export const useUpdateSavedReply = () =>
  useSavedReplyMutation(({ id, ...input }: SavedReplyUpdate & { id: string }) =>
    sendJson<{ savedReply: SavedReply }>(`/api/saved-replies/${id}`, "PATCH", input),
  );

export const useDeleteSavedReply = () =>
  useSavedReplyMutation((id: string) => fetchJson<null>(`/api/saved-replies/${id}`, { method: "DELETE" }));
