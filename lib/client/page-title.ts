"use client";

import { useEffect } from "react";

const COUNT = /^\(\d+\) /;

/** "(3) Inbox · Switchboard" while 3 things need the agent; the plain title at 0. */
export function titleWithCount(title: string, count: number): string {
  const plain = title.replace(COUNT, "");
  return count > 0 ? `(${count}) ${plain}` : plain;
}

/**
 * Keeps the count in front of the page's title, including after Next sets a new title on
 * navigation (it writes the <title> element, which we watch).
 */
export function useTitleCount(count: number) {
  useEffect(() => {
    const apply = () => {
      const next = titleWithCount(document.title, count);
      if (document.title !== next) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = titleWithCount(document.title, 0);
    };
  }, [count]);
}
