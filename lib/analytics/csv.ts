// CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, fields quoted when they
// hold a comma, quote, CR or LF, quotes doubled. Cells that a spreadsheet would run as a formula
// (starting with = + - @ or a tab/CR) are prefixed with an apostrophe, so an exported feature name
// cannot execute. Numbers are written plainly (no thousands separators, "." decimal point).
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
