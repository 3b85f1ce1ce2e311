import { normalisePhoneNumber } from "@/lib/bandwidth/phone-number";

// Message text cut into plain text, web links and phone numbers, for the thread to render links
// without ever building HTML from the text. Only http(s) URLs written out with their scheme and
// North American phone numbers become links: no bare domains (too many false positives: "file.txt"),
// no other schemes (javascript:, data:, tel: written by the sender).

export type MessageToken =
  | { kind: "text"; text: string }
  | { kind: "url"; text: string; href: string }
  | { kind: "phone"; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
// (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567, +15551234567; not inside longer digit runs.
const PHONE_PATTERN = /(?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?![\w])/g;
const TRAILING_PUNCTUATION = /[.,;:!?'"*_~]+$/;

export function tokenizeMessage(text: string): MessageToken[] {
  const tokens: MessageToken[] = [];
  let rest = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    pushTextAndPhones(tokens, text.slice(rest, match.index));
    tokens.push({ kind: "url", text: url, href });
    rest = match.index + url.length;
  }
  pushTextAndPhones(tokens, text.slice(rest));
  return tokens;
}

function pushTextAndPhones(tokens: MessageToken[], text: string) {
  let rest = 0;
  for (const match of text.matchAll(PHONE_PATTERN)) {
    const number = normalisePhoneNumber(match[0]);
    if (!number) continue;
    pushText(tokens, text.slice(rest, match.index));
    tokens.push({ kind: "phone", text: match[0], href: `tel:${number.e164}` });
    rest = match.index + match[0].length;
  }
  pushText(tokens, text.slice(rest));
}

function pushText(tokens: MessageToken[], text: string) {
  if (!text) return;
  const last = tokens[tokens.length - 1];
  if (last?.kind === "text") last.text += text;
  else tokens.push({ kind: "text", text });
}

/** Sentence punctuation after a URL is not part of it, nor a closing bracket it did not open. */
function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING_PUNCTUATION, "");
  while (url.endsWith(")") && count(url, "(") < count(url, ")"))
    url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, "");
  return url;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** The URL as the browser will resolve it, only if it is http(s) with a host. */
function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    if (!parsed.hostname || parsed.username || parsed.password) return null;
    return parsed.href;
  } catch {
    return null;
  }
}
