import { describe, expect, it } from "vitest";
import { MAX_CALLBACK_DEPTH, safePayload, safeText } from "./callback-payload";

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

describe("callback payloads", () => {
  it("replaces NUL and lone surrogates with U+FFFD and keeps pairs", () => {
    expect(safeText("a\u0000b\ud800c\udfffd😀\ud83d")).toBe("a\ufffdb\ufffdc\ufffdd😀\ufffd");
    expect(safeText("plain")).toBe("plain");
  });

  it("cleans every string and key, in order, keeping __proto__ as data", () => {
    const parsed = JSON.parse('{"b\\u0000":["x\\ud800",1,null,true],"__proto__":{"a":"\\u0000"},"c":2}') as unknown;
    const { payload, tooDeep } = safePayload(parsed);
    expect(tooDeep).toBe(false);
    expect(JSON.stringify(payload)).toBe('{"b\ufffd":["x\ufffd",1,null,true],"__proto__":{"a":"\ufffd"},"c":2}');
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype);
  });

  it("bounds depth without recursion, however deep", () => {
    expect(safePayload(nested(MAX_CALLBACK_DEPTH)).tooDeep).toBe(false);
    const deep = safePayload(nested(100_000));
    expect(deep.tooDeep).toBe(true);
    expect(JSON.stringify(deep.payload)).toContain("[nested too deep]");
  });
});
