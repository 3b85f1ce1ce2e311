// CSV (RFC 4180) writing, shared by every download: the opt-out list, report tables, message
// exports. Pure: usable by the server and the browser.

/** Quotes a field when it holds a quote, comma or line break. */
export function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula: free text gets a leading '. */
export function safeCsvCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One CSV record with its CRLF. Numbers and booleans are written as they are; strings are free
 * text (made safe against formulas) unless listed as `plain` by index (phone numbers like +1555…
 * and ISO times must stay exactly as they are).
 */
export function csvLine(values: readonly CsvValue[], plain: ReadonlySet<number> = NO_PLAIN): string {
  return `${values
    .map((value, index) => {
      if (value === null || value === undefined) return "";
      if (typeof value !== "string") return String(value);
      return quoteCsv(plain.has(index) ? value : safeCsvCell(value));
    })
    .join(",")}\r\n`;
}

const NO_PLAIN: ReadonlySet<number> = new Set();

/** A whole table: header then rows, with a BOM so spreadsheets read UTF-8. */
export function csvTable(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  plain?: ReadonlySet<number>,
): string {
  return `\uFEFF${csvLine(header)}${rows.map((row) => csvLine(row, plain)).join("")}`;
}
