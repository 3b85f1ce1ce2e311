import { describe, expect, it } from "vitest";
import { countSegments, messageSegmentCount } from "./segments";

const times = (character: string, count: number) => character.repeat(count);

describe("segment counting", () => {
  it.each([
    [0, 0],
    [1, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
  ])("GSM-7: %i characters → %i segments", (length, segments) => {
    expect(countSegments(times("a", length))).toMatchObject({ encoding: "GSM-7", segments });
  });

  it("counts extension characters twice", () => {
    expect(countSegments(times("€", 80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1, remaining: 0 });
    expect(countSegments(times("€", 80) + "a")).toMatchObject({ units: 161, segments: 2 });
    expect(countSegments("{[|]}~^\\\f")).toMatchObject({ encoding: "GSM-7", units: 18 });
  });

  it("never splits an escape pair across segments", () => {
    // 152 septets then "€": it would straddle 153, so it opens segment two; 1 + 152 + 2 + 152 … fits 3.
    const text = times("a", 152) + "€" + times("a", 152);
    expect(countSegments(text)).toMatchObject({ units: 306, segments: 3 });
    expect(countSegments(times("a", 151) + "€" + times("a", 153))).toMatchObject({ units: 306, segments: 2 });
  });

  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
  ])("UCS-2: %i characters → %i segments", (length, segments) => {
    expect(countSegments(times("ж", length))).toMatchObject({ encoding: "UCS-2", segments });
  });

  it("turns the whole message UCS-2 for one smart quote and names it", () => {
    const text = `${times("a", 100)}’s`;
    expect(countSegments(text)).toMatchObject({
      encoding: "UCS-2",
      units: 102,
      segments: 2,
      perSegment: 67,
      nonGsmCharacters: ["’"],
    });
  });

  it("counts emoji outside the BMP as two units and keeps them whole", () => {
    expect(countSegments(times("😀", 35))).toMatchObject({ encoding: "UCS-2", units: 70, segments: 1, remaining: 0 });
    expect(countSegments(times("😀", 36))).toMatchObject({ units: 72, segments: 2 });
    // 134 units fit two segments of 67 only if the emoji does not straddle unit 67.
    expect(countSegments(times("ж", 65) + "😀" + times("ж", 67))).toMatchObject({ units: 134, segments: 2 });
    expect(countSegments(times("ж", 66) + "😀" + times("ж", 66))).toMatchObject({ units: 134, segments: 3 });
  });

  it("gives the room left in the last segment", () => {
    expect(countSegments("hello")).toMatchObject({ remaining: 155, perSegment: 160 });
    expect(countSegments(times("a", 200))).toMatchObject({ remaining: 106, perSegment: 153 });
  });

  it("makes every MMS one segment", () => {
    expect(messageSegmentCount(times("a", 500), { mms: true })).toBe(1);
    expect(messageSegmentCount(times("a", 500), { mms: false })).toBe(4);
    expect(messageSegmentCount("", { mms: false })).toBe(1);
  });
});
