"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;
const browserZone = () => `?tz=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}`;

/** For admins: the conversation's printable transcript, its times in this browser's zone. */
export function TranscriptLink({ conversationId, className }: { conversationId: string; className: string }) {
  // The server does not know the browser's zone: its render has none, the browser's adds it.
  const zone = useSyncExternalStore(noSubscription, browserZone, () => "");
  return (
    <a href={`/conversations/${conversationId}/transcript${zone}`} className={className}>
      Transcript
    </a>
  );
}
