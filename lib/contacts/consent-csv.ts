import { normalisePhoneNumber } from "@/lib/bandwidth/phone-number";
import { quoteCsv as quote, safeCsvCell as safeCell } from "@/lib/csv";
import type { OptOutView } from "@/lib/validations/consent";

// The opt-out list as CSV (RFC 4180), both ways. Pure: unit-tested, and usable by the browser.

export const EXPORT_COLUMNS = [
  "phone_number",
  "scope",
  "our_number",
  "source",
  "reason",
  "by",
  "opted_out_at",
] as const;

export function csvHeader(): string {
  return `${EXPORT_COLUMNS.join(",")}\r\n`;
}

export function csvRow(optOut: OptOutView): string {
  return `${[
    optOut.phoneNumber,
    optOut.scope,
    optOut.ourNumber ?? "",
    optOut.source,
    safeCell(optOut.reason ?? ""),
    safeCell(optOut.byName ?? ""),
    optOut.at,
  ]
    .map(quote)
    .join(",")}\r\n`;
}

export type ImportLine = { line: number; phoneNumber: string; reason: string | null };
export type ImportProblem = { line: number; problem: string };

const MAX_REASON = 500;

/**
 * `phone_number[,reason]` lines, or any CSV with a header naming `phone_number` (and maybe
 * `reason`), such as our export. Blank lines are skipped; every bad line is reported by number.
 */
export function parseOptOutCsv(text: string): { lines: ImportLine[]; problems: ImportProblem[] } {
  const rows = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const lines: ImportLine[] = [];
  const problems: ImportProblem[] = [];
  let phoneColumn = 0;
  let reasonColumn: number | null = 1;
  rows.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const cells = splitCsvLine(raw);
    if (!cells) return problems.push({ line, problem: "unbalanced quotes (a field cannot span lines)" });
    if (index === 0 && cells.some((cell) => cell.trim().toLowerCase() === "phone_number")) {
      const names = cells.map((cell) => cell.trim().toLowerCase());
      phoneColumn = names.indexOf("phone_number");
      reasonColumn = names.includes("reason") ? names.indexOf("reason") : null;
      return;
    }
    const number = (cells[phoneColumn] ?? "").trim();
    const normalised = normalisePhoneNumber(number);
    if (!number) return problems.push({ line, problem: "no phone number" });
    if (!normalised) return problems.push({ line, problem: `"${number.slice(0, 40)}" is not a phone number` });
    const reason = reasonColumn === null ? "" : unsafeCell((cells[reasonColumn] ?? "").trim());
    if (reason.length > MAX_REASON)
      return problems.push({ line, problem: `reason longer than ${MAX_REASON} characters` });
    if (/[\u0000-\u001f\u007f]/.test(reason)) return problems.push({ line, problem: "reason has control characters" });
    lines.push({ line, phoneNumber: normalised.e164, reason: reason || null });
  });
  return { lines, problems };
}

/** One CSV record's fields, or null when its quotes do not balance. */
export function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

function unsafeCell(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}
