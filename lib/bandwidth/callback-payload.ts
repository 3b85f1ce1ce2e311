// What arrives in a callback body is kept verbatim in the raw log (jsonb) and partly as text, and
// PostgreSQL refuses NUL in both and lone surrogates in jsonb. A customer's UCS-2 SMS may carry
// either, so they are not refused: they become U+FFFD once, here, before anything else reads the
// element. Nesting is bounded here too, without recursion, so nothing recursive ever sees a
// pathological depth (JSON.stringify overflows the stack near 4,500 levels).

/** Bandwidth's elements are 4 levels deep; anything near this is not a callback. */
export const MAX_CALLBACK_DEPTH = 32;

const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const TOO_DEEP = "[nested too deep]";

/** The string with NUL and unpaired surrogates replaced by U+FFFD. */
export function safeText(text: string): string {
  return text.replace(UNSAFE, "\ufffd");
}

/**
 * A copy of a parsed JSON value with every string and key made safe (`safeText`) and everything
 * nested deeper than `MAX_CALLBACK_DEPTH` replaced by a marker; `tooDeep` says whether it was.
 * Values JSON cannot hold (undefined, functions, bigints…) become null.
 */
export function safePayload(root: unknown): { payload: unknown; tooDeep: boolean } {
  let payload: unknown = null;
  let tooDeep = false;
  const pending: Array<{ value: unknown; depth: number; put: (value: unknown) => void }> = [
    { value: root, depth: 0, put: (value) => (payload = value) },
  ];
  for (let task = pending.pop(); task; task = pending.pop()) {
    const { value, depth, put } = task;
    if (typeof value === "string") put(safeText(value));
    else if (typeof value === "number" || typeof value === "boolean" || value === null) put(value);
    else if (typeof value !== "object") put(null);
    else if (depth >= MAX_CALLBACK_DEPTH) {
      tooDeep = true;
      put(TOO_DEEP);
    } else if (Array.isArray(value)) {
      const copy: unknown[] = new Array<unknown>(value.length).fill(null);
      put(copy);
      value.forEach((item, index) => pending.push({ value: item, depth: depth + 1, put: (v) => (copy[index] = v) }));
    } else {
      const copy: Record<string, unknown> = {};
      put(copy);
      for (const [rawKey, item] of Object.entries(value)) {
        const key = safeText(rawKey);
        // An own property even for "__proto__", in the original order of keys.
        Object.defineProperty(copy, key, { value: null, writable: true, enumerable: true, configurable: true });
        pending.push({ value: item, depth: depth + 1, put: (v) => (copy[key] = v) });
      }
    }
  }
  return { payload, tooDeep };
}
