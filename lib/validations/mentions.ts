// `@Full Name` mentions in a note's plain text. Pure and shared: the server decides with these whom
// a note mentions, the note shows them highlighted and the composer's autocomplete inserts them, so
// all three agree on what counts as a mention.

type Named = { name: string };

/** A piece of a note's text: plain, or a mention of someone by their name. */
export type MentionSegment = { text: string; mention: string | null };

const WORD = /[\p{L}\p{N}_]/u;
/** How far back from the caret the autocomplete looks for its `@` (names are short). */
const MAX_QUERY = 40;

/**
 * The text split into plain pieces and `@Name` mentions of the given names. A mention starts at the
 * beginning or after a character that is not part of a word (so `sam@example.com` is no mention)
 * and ends where the name does, not inside a longer word; case does not matter; where names share a
 * start (`@Sam` and `@Sam Agent`) the longer one wins.
 */
export function mentionSegments(text: string, names: readonly string[]): MentionSegment[] {
  const candidates = [...new Set(names.filter((name) => name.trim() !== ""))].sort((a, b) => b.length - a.length);
  const segments: MentionSegment[] = [];
  let plainFrom = 0;
  let index = text.indexOf("@");
  while (index !== -1) {
    const name = index === 0 || !WORD.test(text.charAt(index - 1)) ? nameAt(text, index + 1, candidates) : null;
    if (name) {
      if (index > plainFrom) segments.push({ text: text.slice(plainFrom, index), mention: null });
      const end = index + 1 + name.length;
      segments.push({ text: text.slice(index, end), mention: name });
      plainFrom = end;
      index = text.indexOf("@", end);
    } else {
      index = text.indexOf("@", index + 1);
    }
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom), mention: null });
  return segments;
}

/** Everyone among `people` the text mentions by name (all of them when two share a name), in their order. */
export function mentionedPeople<P extends Named>(text: string, people: readonly P[]): P[] {
  const names = new Set(
    mentionSegments(
      text,
      people.map((person) => person.name),
    ).flatMap((segment) => (segment.mention ? [segment.mention] : [])),
  );
  return people.filter((person) => names.has(person.name));
}

/**
 * The ids to send with a note: everyone the text mentions by name; where teammates share a name,
 * only the one(s) picked from the autocomplete, when any was.
 */
export function mentionIdsFor(
  text: string,
  people: ReadonlyArray<Named & { id: string }>,
  picked: ReadonlySet<string>,
) {
  const mentioned = mentionedPeople(text, people);
  return mentioned
    .filter(
      (person) =>
        picked.has(person.id) || !mentioned.some((other) => other.name === person.name && picked.has(other.id)),
    )
    .map((person) => person.id);
}

/**
 * The mention being typed at the caret, for the autocomplete: an `@` at the start or after
 * whitespace, followed by what was typed since (a name may have spaces, not line breaks, and does
 * not start with one). Null when the caret is not in one.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY - 1), caret);
  const at = before.lastIndexOf("@");
  if (at === -1) return null;
  const start = caret - before.length + at;
  const query = text.slice(start + 1, caret);
  if (start > 0 && !/\s/.test(text.charAt(start - 1))) return null;
  if (/[\n\r\t]|^\s|\s{2}/.test(query)) return null;
  return { start, query };
}

/** Teammates for the autocomplete: names starting with the query first, then a later word starting with it. */
export function matchTeammates<P extends Named>(people: readonly P[], query: string, limit = 8): P[] {
  const wanted = query.toLocaleLowerCase();
  const starts = people.filter((person) => person.name.toLocaleLowerCase().startsWith(wanted));
  const words = people.filter(
    (person) =>
      !starts.includes(person) &&
      person.name
        .toLocaleLowerCase()
        .split(/\s+/)
        .some((word) => word.startsWith(wanted)),
  );
  return [...starts, ...words].slice(0, limit);
}

/** The text with the mention being typed (from `start` to the caret) replaced by `@Name `, and the caret after it. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  name: string,
): { text: string; caret: number } {
  const rest = text.slice(caret);
  const inserted = `@${name}${/^\s/.test(rest) ? "" : " "}`;
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}

/** The name (as given) that `text` spells at `from`, case aside, ending at a word boundary. */
function nameAt(text: string, from: number, names: readonly string[]): string | null {
  for (const name of names) {
    const spelled = text.slice(from, from + name.length);
    if (spelled.length === name.length && spelled.toLocaleLowerCase() === name.toLocaleLowerCase()) {
      if (!WORD.test(text.charAt(from + name.length))) return name;
    }
  }
  return null;
}
