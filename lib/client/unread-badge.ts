/** The unread count on a list row's badge: "99+" past 99 (the server stops counting at 100). */
export function unreadBadge(count: number): string {
  return count > 99 ? "99+" : String(count);
}

/** The badge's name for assistive technology: "More than 99 unread" rather than "100 unread". */
export function unreadLabel(count: number): string {
  return count > 99 ? "More than 99 unread" : `${count} unread`;
}
