"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { csvFileName } from "@/lib/client/report-location";
import { cellText, tableCsv, type ReportTableModel } from "@/lib/client/report-table-model";

export type RowLink = { href: string; label: string; text: string };

/**
 * Any table of the reports, with its caption and a "Download CSV" of exactly its rows. A wide
 * table scrolls inside its own box, so the page never scrolls sideways on a phone. `links` adds a
 * last column of one link per row (not part of the CSV: it is a way to go, not a figure).
 */
export function ReportTable({
  table,
  range,
  empty = "Nothing in this range.",
  links,
  linkHeader = "",
  hideCaption = false,
  stack = false,
}: {
  table: ReportTableModel;
  range: { from: string; to: string; number?: string | null };
  empty?: string;
  links?: ReadonlyArray<RowLink | null>;
  linkHeader?: string;
  hideCaption?: boolean;
  /** Rows become cards below 640 px: for tables of few rows with long text (meanings, participants). */
  stack?: boolean;
}) {
  const fileName = csvFileName(table.name, range);
  // Stacked: below 640 px each row is a card, each value under its header (few rows of long text).
  const look = stack ? STACKED : WIDE;
  return (
    <div className="flex min-w-0 flex-col gap-2">
      <div
        className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800"
        tabIndex={0}
        role="region"
        aria-label={table.title}
      >
        <table className={`w-full text-left text-sm ${look.table}`} data-report-table={table.name}>
          <caption className={hideCaption ? "sr-only" : `${look.caption} px-3 pt-2 text-left text-sm font-semibold`}>
            {table.title}
          </caption>
          <thead className={stack ? "max-sm:sr-only" : undefined}>
            <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:text-slate-300">
              {table.columns.map((column) => (
                <th
                  key={column.header}
                  scope="col"
                  className={`px-3 py-2 align-bottom font-medium max-sm:whitespace-nowrap ${column.numeric ? "text-right" : ""}`}
                >
                  {column.header}
                </th>
              ))}
              {links ? (
                <th scope="col" className="px-3 py-2 font-medium">
                  {linkHeader ? linkHeader : <span className="sr-only">Link</span>}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className={`divide-y divide-slate-100 dark:divide-slate-800 ${look.body}`}>
            {table.rows.length === 0 ? (
              <tr className={look.row}>
                <td
                  colSpan={table.columns.length + (links ? 1 : 0)}
                  className={`${look.cell} px-3 py-3 text-slate-600 dark:text-slate-300`}
                >
                  {empty}
                </td>
              </tr>
            ) : (
              table.rows.map((row, rowIndex) => (
                <tr key={rowIndex} className={look.row}>
                  {row.map((cell, cellIndex) => {
                    const column = table.columns[cellIndex];
                    const Cell = cellIndex === 0 ? "th" : "td";
                    return (
                      <Cell
                        key={cellIndex}
                        {...(cellIndex === 0 ? { scope: "row" } : {})}
                        className={`${look.cell} px-3 align-top ${cellIndex === 0 ? "font-medium" : ""} ${column?.numeric ? look.numeric : ""} ${column?.plain ? "whitespace-nowrap" : ""}`}
                      >
                        {stack ? (
                          <span
                            aria-hidden="true"
                            className="mr-2 text-xs uppercase tracking-wide text-slate-600 sm:hidden dark:text-slate-300"
                          >
                            {column?.header}
                          </span>
                        ) : null}
                        {cellText(cell)}
                      </Cell>
                    );
                  })}
                  {links ? (
                    <td className={`${look.cell} whitespace-nowrap px-3`}>
                      {links[rowIndex] ? (
                        <Link
                          href={links[rowIndex].href}
                          aria-label={links[rowIndex].label}
                          className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-sky-300"
                        >
                          {links[rowIndex].text}
                        </Link>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <div>
        <Button
          variant="secondary"
          className="px-3 py-1.5"
          aria-label={`Download CSV: ${table.title}`}
          onClick={() => downloadCsv(fileName, tableCsv(table))}
        >
          Download CSV
        </Button>
      </div>
    </div>
  );
}

const WIDE = {
  table: "",
  caption: "",
  body: "",
  row: "",
  cell: "py-2",
  numeric: "whitespace-nowrap text-right tabular-nums",
};
const STACKED = {
  table: "block sm:table",
  caption: "block sm:table-caption",
  body: "block sm:table-row-group",
  row: "block py-2 sm:table-row sm:py-0",
  cell: "block py-0.5 sm:table-cell sm:py-2",
  numeric: "tabular-nums sm:whitespace-nowrap sm:text-right",
};

function downloadCsv(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
