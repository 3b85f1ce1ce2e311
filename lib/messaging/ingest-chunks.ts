/**
 * A request's transactions stay small whatever its size: each holds at most this many advisory
 * locks (one per Bandwidth message id) and this many elements, so 100 concurrent large batches
 * cannot exhaust PostgreSQL's shared lock table, nor hold a connection for long.
 */
export const MAX_LOCK_KEYS_PER_TRANSACTION = 64;
export const MAX_ELEMENTS_PER_TRANSACTION = 128;

/**
 * The advisory lock key of a callback element: its message id as read (valid or not: a lock on a bad
 * id does no harm), or null. The same key as lib/messaging/send/send-job.ts takes for a send's answer.
 */
export function messageLockKey(payload: unknown): string | null {
  const id = (payload as { message?: { id?: unknown } } | null)?.message?.id;
  return typeof id === "string" && id.length <= 100 ? `bandwidth-message:${id}` : null;
}

/**
 * Splits a batch, keeping its order, into runs of at most `maxKeys` distinct lock keys and
 * `maxItems` elements; a batch within both limits is one run.
 */
export function chunkByLockKeys<T>(
  items: T[],
  keyOf: (item: T) => string | null,
  maxKeys = MAX_LOCK_KEYS_PER_TRANSACTION,
  maxItems = MAX_ELEMENTS_PER_TRANSACTION,
): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let keys = new Set<string>();
  for (const item of items) {
    const key = keyOf(item);
    const newKey = key !== null && !keys.has(key);
    if (chunk.length >= maxItems || (newKey && keys.size >= maxKeys)) {
      chunks.push(chunk);
      chunk = [];
      keys = new Set();
    }
    chunk.push(item);
    if (key !== null) keys.add(key);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** The sorted distinct lock keys of a run: taken in one order, so two transactions never wait in a cycle. */
export function sortedLockKeys<T>(items: T[], keyOf: (item: T) => string | null): string[] {
  return [...new Set(items.map(keyOf).filter((key): key is string => key !== null))].sort();
}
