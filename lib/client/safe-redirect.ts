/** Only same-site paths are followed after sign-in, so the link cannot send users elsewhere. */
export function safeRedirectPath(candidate: string | null | undefined, fallback = "/conversations"): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\"))
    return fallback;
  if (candidate.startsWith("/sign-in") || candidate.startsWith("/api/")) return fallback;
  return candidate;
}
