// Renders a Costs table definition (lib/analytics/costs/cost-tables.ts) — the same definition the CSV
// export writes — inside a card whose header offers that export.
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, Td, Th } from "@/components/ui/table";
import type { ColumnKind, ReportTable as ReportTableData, RowTone } from "@/lib/analytics/costs/report-table";
import { formatCell } from "@/lib/analytics/format-report";
import { CsvLink } from "./csv-link";

const NUMERIC: ReadonlySet<ColumnKind> = new Set(["integer", "tokens", "tokenPair", "usd", "price", "share", "ms", "months"]);
const ROW_TONE: Record<Exclude<RowTone, null>, string> = { danger: "bg-red-50/70", warning: "bg-amber-50/70" };
const EMPHASIS = { subtotal: "bg-slate-50 font-semibold", total: "border-t-2 border-slate-300 bg-slate-100 font-bold" } as const;
const BADGE_TONE = { danger: "danger", warning: "warning" } as const;

export function ReportTable<Row>({
  table,
  description,
  csvHref,
  shareBars = false,
  embedded = false,
}: {
  table: ReportTableData<Row>;
  description?: string;
  csvHref: string;
  /** Draw share columns as bars (cause tables). */
  shareBars?: boolean;
  /** Inside another card: no card of its own, the title as a sub-heading. */
  embedded?: boolean;
}) {
  const columns = table.columns.filter((column) => !column.csvOnly);
  // A grouped cell is blank when it and every grouped cell before it repeat the previous row.
  const repeats = (row: Row, index: number, upTo: number) =>
    index > 0 && columns.slice(0, upTo + 1).every((column) => !column.group || column.value(row) === column.value(table.rows[index - 1]!));
  /** One row; `grouped`: blank the grouped cells that repeat the row above (body rows only). */
  const renderRow = (row: Row, index: number, grouped: boolean) => {
            const tone = table.tone?.(row) ?? null;
            const emphasis = table.emphasis?.(row) ?? null;
            return (
              <tr key={index} data-row-kind={emphasis ?? undefined} className={cn(tone && ROW_TONE[tone], emphasis && EMPHASIS[emphasis])}>
                {columns.map((column, columnIndex) => {
                  if (column.group && grouped && repeats(row, index, columnIndex)) {
                    return (
                      <Td key={column.header} className="px-3!">
                        <span className="sr-only">{formatCell(column.kind, column.value(row))}</span>
                      </Td>
                    );
                  }
                  const value = column.value(row);
                  const hint = column.hint?.(row) ?? null;
                  return (
                    <Td key={column.header} className={cn("px-3!", column.group ? "min-w-36 font-medium text-slate-800" : "whitespace-nowrap", NUMERIC.has(column.kind) && "text-right tabular-nums", column.kind === "code" && "font-mono text-xs")}>
                      {column.kind === "status" ? (
                        <Badge tone={tone ? BADGE_TONE[tone] : "neutral"}>{formatCell(column.kind, value)}</Badge>
                      ) : column.kind === "share" && shareBars && typeof value === "number" ? (
                        <span className="flex items-center justify-end gap-2">
                          <span className="h-1.5 w-24 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                            <span className="block h-full rounded-full bg-slate-500" style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }} />
                          </span>
                          {formatCell(column.kind, value)}
                        </span>
                      ) : (
                        formatCell(column.kind, value)
                      )}
                      {hint ? <div className="text-xs font-normal text-slate-500">{hint}</div> : null}
                    </Td>
                  );
                })}
              </tr>
            );
  };
  const body = (
    <Table label={table.title} data-testid={`table-${table.id}`}>
      <thead>
        <tr>
          {columns.map((column) => (
            <Th key={column.header} className={cn("px-3!", NUMERIC.has(column.kind) && "text-right")}>
              {column.header}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr>
            <Td colSpan={columns.length} className="py-6 text-center text-slate-500">
              {table.empty}
            </Td>
          </tr>
        ) : (
          table.rows.map((row, index) => renderRow(row, index, true))
        )}
      </tbody>
      {table.summary && table.summary.length > 0 ? <tfoot>{table.summary.map((row, index) => renderRow(row, index, false))}</tfoot> : null}
    </Table>
  );
  if (embedded) {
    return (
      <div>
        <div className="flex items-center justify-between gap-3 px-5 pt-4 pb-2">
          <h3 className="text-sm font-semibold text-slate-800">{table.title}</h3>
          <CsvLink href={csvHref} title={table.title} />
        </div>
        {description ? <p className="px-5 pb-2 text-sm text-slate-500">{description}</p> : null}
        {body}
      </div>
    );
  }
  return (
    <Card>
      <CardHeader title={table.title} description={description} actions={<CsvLink href={csvHref} title={table.title} />} />
      {body}
    </Card>
  );
}
