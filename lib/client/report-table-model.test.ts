import { describe, expect, it } from "vitest";
import { cellText, percent, tableCsv, type ReportTableModel } from "./report-table-model";

describe("report tables", () => {
  const table: ReportTableModel = {
    title: "Failures by error code",
    name: "delivery-error-codes",
    columns: [
      { header: "Number", plain: true },
      { header: "Meaning" },
      { header: "Count", numeric: true },
      { header: "Share" },
    ],
    rows: [
      ["+19195550100", '=cmd, "quoted"', 1200, percent(0.125)],
      ["+15555554720", null, 3, percent(null)],
    ],
  };

  it("writes exactly its rows as CSV: numbers plain, free text safe", () => {
    expect(tableCsv(table)).toBe(
      '\uFEFFNumber,Meaning,Count,Share\r\n+19195550100,"\'=cmd, ""quoted""",1200,12.5%\r\n+15555554720,,3,\r\n',
    );
  });

  it("shows numbers grouped and shares as percentages", () => {
    expect(cellText(1200)).toBe("1,200");
    expect(cellText(percent(0.125))).toBe("12.5%");
    expect(cellText(percent(1))).toBe("100.0%");
    expect(cellText(percent(null))).toBe("—");
    expect(cellText(null)).toBe("");
  });
});
