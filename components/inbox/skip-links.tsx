"use client";

import { usePathname } from "next/navigation";
import type { MouseEvent } from "react";

const LINK =
  "sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-brand-700 focus:shadow focus:ring-2 focus:ring-brand-500 dark:focus:bg-slate-900 dark:focus:text-brand-100";

/** Moves focus to the element with this id (a heading becomes focusable for it). */
function jump(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) target.setAttribute("tabindex", "-1");
  target.focus();
}

/**
 * The first stops of Tab on an inbox page: past the navigation to the conversation list, the open
 * conversation and its reply box.
 */
export function InboxSkipLinks() {
  const pathname = usePathname();
  const open = /^\/conversations\/[0-9a-f-]{36}$/.test(pathname);
  return (
    <nav aria-label="Skip links">
      <a
        href="#conversation-search"
        className={open ? `${LINK} max-md:hidden` : LINK}
        onClick={(event) => jump(event, "conversation-search")}
      >
        Skip to the conversation list
      </a>
      {open ? (
        <>
          <a href="#conversation-heading" className={LINK} onClick={(event) => jump(event, "conversation-heading")}>
            Skip to the conversation
          </a>
          <a href="#composer-text" className={LINK} onClick={(event) => jump(event, "composer-text")}>
            Skip to the reply box
          </a>
        </>
      ) : null}
    </nav>
  );
}
