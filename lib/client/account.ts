import { useMutation } from "@tanstack/react-query";
import type { ChangePassword } from "@/lib/validations/password";
import { sendJson } from "./query-client";

/** Replaces the signed-in user's password; every session of theirs ends, this one included. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePassword) => sendJson<{ email: string }>("/api/me/password", "POST", input),
  });
}
