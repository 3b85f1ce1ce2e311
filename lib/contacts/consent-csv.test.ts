import { describe, expect, it } from "vitest";
import { csvHeader, csvRow, parseOptOutCsv, splitCsvLine } from "./consent-csv";

const optOut = {
  phoneNumber: "+19195550123",
  at: "2026-11-30T22:31:00.000Z",
  source: "agent" as const,
  scope: "account" as const,
  ourNumber: null,
  reason: '=HYPERLINK("x"), said "stop"',
  byName: "Avery Admin",
  messageId: null,
};

describe("opt-out CSV", () => {
  it("writes the export's columns, quoting and defusing formulas", () => {
    expect(csvHeader()).toBe("phone_number,scope,our_number,source,reason,by,opted_out_at\r\n");
    expect(csvRow(optOut)).toBe(
      `+19195550123,account,,agent,"'=HYPERLINK(""x""), said ""stop""",Avery Admin,2026-11-30T22:31:00.000Z\r\n`,
    );
  });

  it("reads its own export back (round trip)", () => {
    const { lines, problems } = parseOptOutCsv(csvHeader() + csvRow(optOut));
    expect(problems).toEqual([]);
    expect(lines).toEqual([{ line: 2, phoneNumber: "+19195550123", reason: optOut.reason }]);
  });

  it("reads phone_number[,reason] lines and reports bad ones by line number", () => {
    const text = [
      "+19195550101",
      "(919) 555-0102, asked by email",
      "",
      "not a number,x",
      '"+19195550103',
      ",no number",
    ].join("\n");
    expect(parseOptOutCsv(text)).toEqual({
      lines: [
        { line: 1, phoneNumber: "+19195550101", reason: null },
        { line: 2, phoneNumber: "+19195550102", reason: "asked by email" },
      ],
      problems: [
        { line: 4, problem: '"not a number" is not a phone number' },
        { line: 5, problem: "unbalanced quotes (a field cannot span lines)" },
        { line: 6, problem: "no phone number" },
      ],
    });
  });

  it("refuses an over-long reason", () => {
    expect(parseOptOutCsv(`+19195550101,${"x".repeat(501)}`).problems).toEqual([
      { line: 1, problem: "reason longer than 500 characters" },
    ]);
  });

  it("splits quoted fields", () => {
    expect(splitCsvLine('a,"b,c","d ""e"""')).toEqual(["a", "b,c", 'd "e"']);
    expect(splitCsvLine('"open')).toBeNull();
  });
});
