import { useMutation } from "@tanstack/react-query";
import { sendJson } from "./query-client";

/** Sets the invited person's password (the invitation's one use). */
export function useAcceptInvite(token: string) {
  return useMutation({
    mutationFn: (password: string) =>
      sendJson<{ email: string }>(`/api/invites/${encodeURIComponent(token)}`, "POST", { password }),
  });
}
