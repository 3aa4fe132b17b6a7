// A Costs table as data: its id, columns (how each cell is shown and exported) and rows. The page
// renders these definitions and the CSV export writes the very same rows and columns, so an
// export always matches what was on screen. Pure.
import { toCsv, type CsvCell } from "../csv";

export const COST_TABLE_IDS = [
  "spend",
  "feature-tier",
  "savings-by-feature",
  "endpoints",
  "tier-mix",
  "feature-mix",
  "escalations",
  "fallbacks",
  "refusals",
  "latency",
  "budgets",
  "break-even",
] as const;
export type CostTableId = (typeof COST_TABLE_IDS)[number];

export function isCostTableId(value: string): value is CostTableId {
  return (COST_TABLE_IDS as readonly string[]).includes(value);
}

/**
 * How a cell is shown and exported: text as is; integers, tokens and ms as whole numbers; usd with
 * cents on screen and full precision in CSV; shares as percentages; months with one decimal;
 * tokenPair ("<input>/<output>", screen only) as two compact counts.
 */
export type ColumnKind = "text" | "code" | "integer" | "tokens" | "tokenPair" | "usd" | "price" | "share" | "ms" | "months" | "status";

export interface ReportColumn<Row> {
  header: string;
  kind: ColumnKind;
  value: (row: Row) => string | number | null;
  /** Secondary line under the value on screen (not exported). */
  hint?: (row: Row) => string | null;
  /** On screen, shown once per run of equal values in consecutive rows (e.g. the feature of its tier rows). */
  group?: boolean;
  /** Exported, not shown (e.g. the feature key next to its name). */
  csvOnly?: boolean;
  /** Shown, not exported (a compact form of columns the export has separately). */
  screenOnly?: boolean;
}

export type RowTone = "danger" | "warning" | null;

export interface ReportTable<Row = unknown> {
  id: CostTableId;
  title: string;
  columns: Array<ReportColumn<Row>>;
  rows: Row[];
  /** Highlight for a row on screen (e.g. a budget at risk). */
  tone?: (row: Row) => RowTone;
  /** A summary row on screen: a subtotal (semibold) or the grand total (bold, ruled above). */
  emphasis?: (row: Row) => "subtotal" | "total" | null;
  /**
   * Summary rows (subtotals, the total) shown at the table's foot and left out of its CSV: an
   * export is data, and rows that repeat other rows' sums would be counted twice by whoever adds
   * up a column.
   */
  summary?: Row[];
  /** Shown when there are no rows. */
  empty: string;
}

const UNIT: Partial<Record<ColumnKind, string>> = { usd: "USD", price: "USD per 1M tokens", share: "%", ms: "ms", months: "months" };

function csvValue(kind: ColumnKind, value: string | number | null): CsvCell {
  if (value === null || typeof value === "string") return value;
  switch (kind) {
    case "usd":
    case "price":
      return Math.round(value * 1e8) / 1e8;
    case "share":
      return Math.round(value * 1e6) / 1e4;
    case "months":
      return Math.round(value * 10) / 10;
    case "integer":
    case "tokens":
    case "ms":
      return Math.round(value);
    default:
      return value;
  }
}

export function tableToCsv<Row>(table: ReportTable<Row>): string {
  const columns = table.columns.filter((column) => !column.screenOnly);
  const header = columns.map((column) => (UNIT[column.kind] ? `${column.header} (${UNIT[column.kind]})` : column.header));
  return toCsv(header, table.rows.map((row) => columns.map((column) => csvValue(column.kind, column.value(row)))));
}
