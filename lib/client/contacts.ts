import { useMutation, useQueryClient } from "@tanstack/react-query";
import { inboxKeys } from "./conversations";
import { sendJson } from "./query-client";

/** Names a participant's number for everyone ("" removes the name); every list and header shows it. */
export function useLabelNumber() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ phoneNumber, name }: { phoneNumber: string; name: string }) =>
      sendJson<{ phoneNumber: string; name: string | null }>(
        `/api/contacts/${encodeURIComponent(phoneNumber)}`,
        "PUT",
        { name },
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: inboxKeys.conversations });
      void client.invalidateQueries({ queryKey: inboxKeys.conversationHeaders });
    },
  });
}
