import type { ReactNode } from "react";

/**
 * A plain table of rows, or a line saying it is empty. On a phone each row becomes a card with
 * each value under its header, so a long value (a callback URL, an id) gets the whole width
 * instead of a column a few characters wide.
 */
export function DataTable({ headers, rows, empty }: { headers: string[]; rows: ReactNode[][]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{empty}</p>;
  return (
    <table className="block w-full text-left text-sm sm:table">
      <thead className="sr-only sm:not-sr-only sm:table-header-group">
        <tr className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          {headers.map((header) => (
            <th key={header} scope="col" className="py-2 pr-4 font-medium">
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="block divide-y divide-slate-100 sm:table-row-group dark:divide-slate-800">
        {rows.map((cells, index) => (
          <tr key={index} className="block py-2 sm:table-row sm:py-0">
            {cells.map((cell, cellIndex) => (
              <td key={cellIndex} className="block min-w-0 py-1 align-top break-words sm:table-cell sm:py-2 sm:pr-4">
                <span
                  aria-hidden="true"
                  className="block text-xs uppercase tracking-wide text-slate-500 sm:hidden dark:text-slate-400"
                >
                  {headers[cellIndex]}
                </span>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
