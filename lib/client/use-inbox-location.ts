"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { ConversationView } from "@/lib/validations/conversations";
import { inboxQuery, readView } from "./inbox-views";

/**
 * The list's view and number filter, kept in the address (`?view=mine&number=…`) so a reload, Back
 * and a shared link keep them. Changing them rewrites the address in place (history API, which
 * Next's router follows) rather than navigating, so the open conversation and a half-written
 * reply stay as they are.
 */
export function useInboxLocation() {
  const params = useSearchParams();
  const pathname = usePathname();
  const view = readView(params.get("view"));
  const ownerNumber = params.get("number") ?? "";
  const query = inboxQuery({ view, ownerNumber });

  const update = useCallback(
    (change: { view?: ConversationView; ownerNumber?: string }, mode: "push" | "replace") => {
      const next = `${pathname}${inboxQuery({ view: change.view ?? view, ownerNumber: change.ownerNumber ?? ownerNumber })}`;
      if (mode === "push") window.history.pushState(null, "", next);
      else window.history.replaceState(null, "", next);
    },
    [pathname, view, ownerNumber],
  );

  return {
    view,
    ownerNumber,
    /** Where a view's link goes from this page. */
    viewHref: (target: ConversationView) => `${pathname}${inboxQuery({ view: target, ownerNumber })}`,
    /** A conversation's address, keeping the list as it is. */
    conversationHref: (id: string) => `/conversations/${id}${query}`,
    listHref: `/conversations${query}`,
    /** The new-message page, keeping the list as it is (its way back returns there). */
    newHref: `/conversations/new${query}`,
    update,
  };
}
