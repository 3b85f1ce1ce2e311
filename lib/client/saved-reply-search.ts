// Finding a saved reply from the composer: the `/` that starts a search, and the replies it
// matches. Pure, so the keyboard rules are tested without a browser.

/** A `/` typed to look for a saved reply: where it is, and what follows it up to the caret. */
export type SlashTrigger = { start: number; query: string };

const MAX_QUERY = 40;

/**
 * A `/` at the start of the text or after whitespace, on the caret's line, at most 40 characters
 * back: `/thank` → "thank". A slash inside a word or a URL (`and/or`, `https://`) is not one.
 */
export function findSlashTrigger(text: string, caret: number): SlashTrigger | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf("/");
  if (start < 0 || (start > 0 && !/\s/.test(before[start - 1] ?? ""))) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY || /[\r\n]/.test(query)) return null;
  return { start, query };
}

/**
 * The replies whose name or text contains every word of the query (ignoring case): those whose
 * name starts with the query first, then those whose name has every word, then the rest, each in
 * the order given (by name).
 */
export function matchSavedReplies<T extends { name: string; body: string }>(replies: readonly T[], query: string): T[] {
  const wanted = query.trim().toLocaleLowerCase("en");
  const words = wanted.split(/\s+/).filter(Boolean);
  const rank = (reply: T) => {
    const name = reply.name.toLocaleLowerCase("en");
    const text = `${name}\n${reply.body.toLocaleLowerCase("en")}`;
    if (!words.every((word) => text.includes(word))) return -1;
    if (name.startsWith(wanted)) return 0;
    return words.every((word) => name.includes(word)) ? 1 : 2;
  };
  return replies
    .map((reply) => ({ reply, rank: rank(reply) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank)
    .map((entry) => entry.reply);
}
