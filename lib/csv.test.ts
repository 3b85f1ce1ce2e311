import { describe, expect, it } from "vitest";
import { csvLine, csvTable, quoteCsv, safeCsvCell } from "./csv";

describe("csv", () => {
  it("quotes only what needs it", () => {
    expect(quoteCsv("plain")).toBe("plain");
    expect(quoteCsv('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
  });

  it("defuses formulas in free text but keeps plain columns as they are", () => {
    expect(safeCsvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(safeCsvCell("@sum")).toBe("'@sum");
    expect(csvLine(["+15551234567", "+15551234567", 4, null, true], new Set([0]))).toBe(
      "+15551234567,'+15551234567,4,,true\r\n",
    );
  });

  it("writes a table with a BOM and CRLF lines", () => {
    expect(csvTable(["a", "b"], [["x,y", 2]])).toBe('\uFEFFa,b\r\n"x,y",2\r\n');
  });
});
