import { useMutation, useQuery } from "@tanstack/react-query";
import type { ChangePassword } from "@/lib/validations/password";
import { fetchJson, sendJson } from "./query-client";

type Me = { id: string; email: string; name: string; role: "ADMIN" | "AGENT"; active: boolean };

/** The signed-in user (GET /api/me); a rename shows after the next page load. */
export function useCurrentUser() {
  return useQuery({
    queryKey: ["me"],
    queryFn: ({ signal }) => fetchJson<{ user: Me }>("/api/me", { signal }).then((body) => body.user),
    staleTime: Infinity,
  });
}

/** Replaces the signed-in user's password; every session of theirs ends, this one included. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePassword) => sendJson<{ email: string }>("/api/me/password", "POST", input),
  });
}
