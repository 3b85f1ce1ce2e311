/**
 * SMS segment counting as Bandwidth bills it. This one module serves the sandbox (segmentCount in
 * its answers and callbacks) and the app's composer (the live counter); it imports nothing.
 *
 * GSM-7: 160 septets in a single segment, 153 per segment once split; the extension characters
 * (^ { } \ [ ~ ] | € and form feed) take two septets, and an escape pair is never split.
 * Any character outside GSM-7 makes the whole message UCS-2: 70 UTF-16 code units in one segment,
 * 67 per segment once split; characters outside the BMP (most emoji) take two units, never split.
 * An MMS (media or a group) is always one segment: callers decide that, this counts text.
 */

const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXTENSION = "^{}\\[~]|€\f";

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export type Encoding = "GSM-7" | "UCS-2";

export type SegmentInfo = {
  encoding: Encoding;
  /** Segments the text is sent as (0 for an empty text). */
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** Units a segment holds for this text: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
  /** Units left in the last segment before another one starts. */
  remaining: number;
  /** The characters that forced UCS-2, in order of first appearance (empty for GSM-7). */
  nonGsmCharacters: string[];
};

const LIMITS = { "GSM-7": { single: 160, multi: 153 }, "UCS-2": { single: 70, multi: 67 } } as const;

export function isGsm7Character(character: string): boolean {
  return basic.has(character) || extension.has(character);
}

export function countSegments(text: string): SegmentInfo {
  const characters = Array.from(text); // code points, so a surrogate pair stays whole
  const nonGsm = [...new Set(characters.filter((character) => !isGsm7Character(character)))];
  const encoding: Encoding = nonGsm.length === 0 ? "GSM-7" : "UCS-2";
  const sizes = characters.map(
    (character) => (encoding === "GSM-7" ? (extension.has(character) ? 2 : 1) : character.length), // UTF-16 units
  );
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const limits = LIMITS[encoding];

  if (units === 0)
    return {
      encoding,
      segments: 0,
      units,
      perSegment: limits.single,
      remaining: limits.single,
      nonGsmCharacters: nonGsm,
    };
  if (units <= limits.single) {
    return {
      encoding,
      segments: 1,
      units,
      perSegment: limits.single,
      remaining: limits.single - units,
      nonGsmCharacters: nonGsm,
    };
  }
  // Pack greedily: a two-unit character that does not fit starts the next segment.
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limits.multi) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return {
    encoding,
    segments,
    units,
    perSegment: limits.multi,
    remaining: limits.multi - used,
    nonGsmCharacters: nonGsm,
  };
}

/** Bandwidth's segmentCount for a message: MMS (media or more than one recipient) is 1. */
export function messageSegmentCount(text: string, options: { mms: boolean }): number {
  if (options.mms) return 1;
  return Math.max(1, countSegments(text).segments);
}
