import { csvTable, type CsvValue } from "@/lib/csv";

// One shape for every table of the reports: what the page shows and what its CSV holds are the
// same rows, so a download never disagrees with the screen.

/** A cell: a value shown as it is, or a value with the words shown for it (a time, a percentage). */
export type ReportCell = CsvValue | { value: CsvValue; text: string };

export type ReportColumn = {
  header: string;
  /** Kept exactly as it is in the CSV (phone numbers, ISO times): never prefixed against formulas. */
  plain?: boolean;
  numeric?: boolean;
};

export type ReportTableModel = {
  /** The table's caption. */
  title: string;
  /** The CSV's file name before its range: "delivery-error-codes". */
  name: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
};

export function cellValue(cell: ReportCell): CsvValue {
  return isShown(cell) ? cell.value : cell;
}

export function cellText(cell: ReportCell): string {
  if (isShown(cell)) return cell.text;
  return cell === null || cell === undefined
    ? ""
    : typeof cell === "number"
      ? cell.toLocaleString("en-US")
      : String(cell);
}

/** A count as people read it: 1,250. */
export function formatCount(value: number): string {
  return value.toLocaleString("en-US");
}

/** The table as CSV: its header and exactly its rows. */
export function tableCsv(table: ReportTableModel): string {
  const plain = new Set(table.columns.flatMap((column, index) => (column.plain ? [index] : [])));
  return csvTable(
    table.columns.map((column) => column.header),
    table.rows.map((row) => row.map(cellValue)),
    plain,
  );
}

/** A share 0–1 as "12.5%"; null (nothing to divide) as "—". The CSV keeps the same words. */
export function percent(share: number | null): ReportCell {
  if (share === null) return { value: "", text: "—" };
  const text = `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
  return { value: text, text };
}

function isShown(cell: ReportCell): cell is { value: CsvValue; text: string } {
  return typeof cell === "object" && cell !== null;
}
