import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { inboxKeys } from "./conversations";
import { sendJson } from "./query-client";
import type { MessagePage, Note } from "./types";

/** What POST /api/conversations/{id}/notes takes (lib/validations/notes.ts addNoteBody). */
type NoteInput = { body: string; mentionIds: string[] };

/** Adds an internal note; it shows in the thread at once (as the server stored it, with its mentions). */
export function useAddNote(conversationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NoteInput) =>
      sendJson<{ note: Note }>(`/api/conversations/${conversationId}/notes`, "POST", input).then((body) => body.note),
    onSuccess: (note) => {
      client.setQueryData<InfiniteData<MessagePage>>(inboxKeys.messages(conversationId), (data) => {
        if (!data?.pages[0] || data.pages[0].notes.some((existing) => existing.id === note.id)) return data;
        const [first, ...rest] = data.pages;
        return { ...data, pages: [{ ...first, notes: [note, ...first.notes] }, ...rest] };
      });
    },
  });
}
