"use client";

import Link from "next/link";
import { useInboxLocation } from "@/lib/client/use-inbox-location";

/** On a phone the list and a conversation (or a new message) take turns: the way back to the list. */
export function BackToList() {
  const { listHref } = useInboxLocation();
  return (
    <Link href={listHref} className="mb-1 inline-block text-sm text-brand-700 md:hidden dark:text-brand-100">
      ← All conversations
    </Link>
  );
}
