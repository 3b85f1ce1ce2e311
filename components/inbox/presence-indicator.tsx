"use client";

import { usePresence } from "@/lib/client/presence";
import { presenceSentence } from "@/lib/validations/presence-view";

/**
 * "Sam is viewing" / "Sam is replying…" under the conversation's title, live; nothing when the
 * agent is alone. The status region stays in the page (empty) so screen readers hear it change.
 */
export function PresenceIndicator({ conversationId }: { conversationId: string }) {
  const presence = usePresence(conversationId);
  const entries = presence.data ?? [];
  const sentence = presenceSentence(entries);
  const replying = entries.some((entry) => entry.state === "typing");
  return (
    <p
      role="status"
      aria-live="polite"
      data-presence={sentence ? (replying ? "replying" : "viewing") : "alone"}
      className="text-xs text-amber-800 dark:text-amber-300"
    >
      {sentence ? (
        <span className="mt-1 inline-flex max-w-full items-center gap-1.5 break-words">
          {replying ? <TypingDots /> : <EyeIcon />}
          <span className="min-w-0">{sentence}</span>
        </span>
      ) : null}
    </p>
  );
}

function TypingDots() {
  return (
    <span aria-hidden="true" className="inline-flex shrink-0 gap-0.5">
      {["[animation-delay:0ms]", "[animation-delay:150ms]", "[animation-delay:300ms]"].map((delay) => (
        <span key={delay} className={`size-1 rounded-full bg-current motion-safe:animate-bounce ${delay}`} />
      ))}
    </span>
  );
}

function EyeIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5 shrink-0">
      <path d="M10 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z" />
      <path
        fillRule="evenodd"
        d="M.66 10.59a1.65 1.65 0 0 1 0-1.18C2.1 5.72 5.74 3 10 3s7.9 2.72 9.34 6.41c.15.38.15.8 0 1.18C17.9 14.28 14.26 17 10 17S2.1 14.28.66 10.59ZM14 10a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
