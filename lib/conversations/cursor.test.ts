import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const raw = (at: string) =>
  Buffer.from(JSON.stringify({ at, id: "00000000-0000-4000-8000-000000000000" })).toString("base64url");

describe("keyset cursors", () => {
  it("round-trip the times we write", () => {
    const cursor = { at: new Date("2026-11-30T12:00:00.000Z"), id: "00000000-0000-4000-8000-000000000000" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("refuse times we could not have written (year 0) and garbage with a 400", () => {
    expect(() => decodeCursor(raw("0000-01-01T00:00:00.000Z"))).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => decodeCursor("not a cursor")).toThrow(expect.objectContaining({ status: 400 }));
  });
});
