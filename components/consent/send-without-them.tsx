"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { formatPhoneNumber } from "@/lib/bandwidth/phone-number";
import { useStartConversation } from "@/lib/client/messages";
import { useInboxLocation } from "@/lib/client/use-inbox-location";

type Props = {
  from: string;
  /** Everyone who may still be texted. */
  remaining: string[];
  text: string;
  mediaIds: string[];
  onSent?: () => void;
};

/**
 * A group with someone who opted out cannot be texted: this sends the message to the others
 * instead, by the new-conversation path (their conversation, new or existing), then opens it.
 */
export function SendWithoutThem({ from, remaining, text, mediaIds, onSent }: Props) {
  const router = useRouter();
  const { conversationHref } = useInboxLocation();
  const start = useStartConversation();
  const hasContent = text.trim() !== "" || mediaIds.length > 0;
  if (remaining.length === 0) return null;
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        className="px-3 py-1.5"
        disabled={!hasContent || start.isPending}
        title={hasContent ? undefined : "Write the message first"}
        onClick={() =>
          start.mutate(
            { from, to: remaining, text, mediaIds },
            {
              onSuccess: (message) => {
                onSent?.();
                router.push(conversationHref(message.conversationId));
              },
            },
          )
        }
      >
        {start.isPending ? "Sending…" : "Send without them"}
      </Button>
      <span className="text-xs text-slate-600 dark:text-slate-400">
        To {remaining.map(formatPhoneNumber).join(", ")}
        {hasContent ? "" : " — write the message first"}
      </span>
      {start.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          Not sent: {start.error.message}
        </p>
      ) : null}
    </div>
  );
}
