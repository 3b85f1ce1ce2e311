import { describe, expect, it } from "vitest";
import { chunkByLockKeys, messageLockKey, sortedLockKeys } from "./ingest-chunks";

const key = (id: string | null) => id;

describe("chunkByLockKeys", () => {
  it("keeps a batch within the limits as one run", () => {
    expect(chunkByLockKeys(["a", "b", "a"], key, 2, 10)).toEqual([["a", "b", "a"]]);
  });

  it("starts a new run at the key over the limit, keeping the order", () => {
    expect(chunkByLockKeys(["a", "b", "a", "c", "b", "d"], key, 2, 10)).toEqual([["a", "b", "a"], ["c", "b"], ["d"]]);
  });

  it("bounds the elements of a run too, keyless ones included", () => {
    expect(chunkByLockKeys([null, null, null, "a", "a"], key, 64, 2)).toEqual([[null, null], [null, "a"], ["a"]]);
  });

  it("takes at most 64 keys a run from a 1,000-message batch", () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `m${i}`);
    const runs = chunkByLockKeys(ids, key);
    expect(runs.flat()).toEqual(ids);
    expect(Math.max(...runs.map((run) => sortedLockKeys(run, key).length))).toBeLessThanOrEqual(64);
  });
});

describe("messageLockKey", () => {
  it("is the message id's key, or nothing for an element without a usable id", () => {
    expect(messageLockKey({ message: { id: "abc" } })).toBe("bandwidth-message:abc");
    expect(messageLockKey({ message: { id: 42 } })).toBeNull();
    expect(messageLockKey({ message: { id: "x".repeat(101) } })).toBeNull();
    expect(messageLockKey(null)).toBeNull();
  });
});
