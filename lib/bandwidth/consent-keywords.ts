// The keywords of CTIA's guidelines and the FCC's 2024 order, as carriers match them: the whole
// message, any case, surrounding spaces and punctuation ignored. Pure: the inbox, the webhook and
// the sandbox share it.

export type ConsentKeyword = "opt_out" | "opt_in" | "help";

const KEYWORDS = new Map<string, ConsentKeyword>([
  ["STOP", "opt_out"],
  ["STOPALL", "opt_out"],
  ["UNSUBSCRIBE", "opt_out"],
  ["CANCEL", "opt_out"],
  ["END", "opt_out"],
  ["QUIT", "opt_out"],
  ["REVOKE", "opt_out"],
  ["OPT OUT", "opt_out"],
  ["OPTOUT", "opt_out"],
  ["START", "opt_in"],
  ["UNSTOP", "opt_in"],
  ["HELP", "help"],
  ["INFO", "help"],
]);

// Words that, inside a longer message, hint at a request to stop. CANCEL and END are left out on
// purpose: "cancel my appointment" and "by the end of the day" are everyday words, not opt-outs.
const HINT_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "QUIT", "REVOKE", "OPTOUT"]);
const HINT_PHRASES = [
  ["OPT", "OUT"],
  ["REMOVE", "ME"],
  ["DONT", "TEXT"],
  ["DO", "NOT", "TEXT"],
  ["NO", "MORE", "TEXTS"],
];

const MAX_KEYWORD_INPUT = 64;
// Spaces, punctuation, symbols (emoji among them), format characters (zero-width joiner) and marks
// (variation selectors) around the word do not count.
const EDGES = /^[\s\p{P}\p{S}\p{Z}\p{Cf}\p{M}]+|[\s\p{P}\p{S}\p{Z}\p{Cf}\p{M}]+$/gu;

/** Which consent keyword the whole message is, or null. Never throws. */
export function classifyKeyword(text: string | null | undefined): ConsentKeyword | null {
  if (!text || text.length > MAX_KEYWORD_INPUT * 4) return null;
  const word = fold(text)
    .replace(EDGES, "")
    .replace(/[\s\-_]+/gu, " ");
  if (word.length === 0 || word.length > MAX_KEYWORD_INPUT) return null;
  return KEYWORDS.get(word) ?? null;
}

/**
 * A message that is not a keyword but contains a word asking to stop ("please stop texting me"):
 * a hint for the agent, who decides. Errs on the side of showing the hint ("don't stop" shows it).
 */
export function mayBeStopRequest(text: string | null | undefined): boolean {
  if (!text || classifyKeyword(text) !== null) return false;
  const words = fold(text.slice(0, 2000))
    .replace(/['’]/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.some((word) => HINT_WORDS.has(word))) return true;
  return HINT_PHRASES.some((phrase) => containsSequence(words, phrase));
}

// Compatibility forms (fullwidth letters, ligatures such as "ﬆ") become plain letters; upper case
// without a locale ("ſ" → "S", Turkish "ı" → "I"); accents and dots dropped ("İ" → "I").
function fold(text: string): string {
  return text.normalize("NFKC").toUpperCase().normalize("NFD").replace(/\p{M}/gu, "");
}

function containsSequence(words: string[], phrase: string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start += 1) {
    if (phrase.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}
