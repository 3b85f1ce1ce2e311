// What the browser shows when a request to our API fails: sentences an agent can act on, never the
// browser's "Failed to fetch" or the field paths our schemas prefix ("e164: …", "to.0: …").

export const UNREACHABLE = "Switchboard could not be reached. Check your connection and try again.";

// A field path as the API writes it before its message: "e164: ", "to.0: ", "body: ".
const FIELD_PREFIX = /^(?:[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*: )+/;

/**
 * "e164: e164: write the number…" → "Write the number…"; several problems ("a: …; b: …") become
 * sentences one after the other. The message names its field in its own words.
 */
export function apiProblemInWords(message: string, status?: number): string {
  const sentences = message
    .split("; ")
    .map((part) => part.replace(FIELD_PREFIX, "").trim())
    .filter(Boolean)
    .map((part) => {
      const sentence = part.charAt(0).toUpperCase() + part.slice(1);
      return /[.!?…)]$/.test(sentence) ? sentence : `${sentence}.`;
    });
  if (sentences.length > 0) return sentences.join(" ");
  return status ? `Switchboard answered with an error (HTTP ${status}). Try again.` : UNREACHABLE;
}

/** A fetch that never reached our server (offline, DNS, the server down) rather than an answer. */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError;
}
