// On-screen formatting of report cells and chart values (CSV keeps raw numbers: see cost-tables.ts).
// Pure and fixed-locale, so server-rendered tables and client charts agree.
import { formatInteger, formatUsd } from "@/lib/format";
import type { ColumnKind } from "./costs/report-table";

export type ValueKind = "usd" | "integer" | "tokens" | "ms" | "share";

/** 0.4231 → "42.3%"; null → "—". */
export function formatShare(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? "—" : `${(value * 100).toFixed(digits)}%`;
}

/** 850 → "850 ms"; 12_400 → "12.4 s". */
export function formatMs(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "—";
  return value < 1_000 ? `${Math.round(value)} ms` : `${(value / 1_000).toFixed(value < 10_000 ? 2 : 1)} s`;
}

/** 8.65 → "8.7 months"; 40 → "3.3 years (40 months)". */
export function formatMonths(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return "never";
  if (value < 24) return `${value.toFixed(1)} months`;
  return `${(value / 12).toFixed(1)} years`;
}

/** 3_576_000_000 → "3.58B", 162_000_000 → "162M", 83_800_000 → "83.8M", 25_400 → "25k". */
export function formatTokenCount(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(2)}B`;
  if (abs >= 1e8) return `${Math.round(value / 1e6)}M`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${Math.round(value / 1e3)}k`;
  return formatInteger(Math.round(value));
}

/** Large money on axes: $1.2k, $3.4M. */
export function formatUsdCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `$${(value / 1_000_000).toFixed(1)}M`;
  if (abs >= 1_000) return `$${(value / 1_000).toFixed(1)}k`;
  if (abs >= 10) return `$${Math.round(value)}`;
  return formatUsd(value);
}

export function formatValue(kind: ValueKind, value: number | null, { compact = false }: { compact?: boolean } = {}): string {
  if (value === null) return "—";
  switch (kind) {
    case "usd":
      return compact ? formatUsdCompact(value) : formatUsd(value);
    case "integer":
      return compact && Math.abs(value) >= 10_000 ? formatTokenCount(value) : formatInteger(Math.round(value));
    case "tokens":
      return formatTokenCount(value);
    case "ms":
      return formatMs(value);
    case "share":
      return formatShare(value);
  }
}

export function formatCell(kind: ColumnKind, value: string | number | null): string {
  if (value === null) return "—";
  if (kind === "tokenPair" && typeof value === "string") {
    const [input, output] = value.split("/").map(Number);
    return `${formatTokenCount(input ?? 0)} / ${formatTokenCount(output ?? 0)}`;
  }
  if (typeof value === "string") return value;
  switch (kind) {
    case "usd":
      return formatUsd(value);
    case "price":
      return `${formatUsd(value, { precise: value < 1 })} / 1M`;
    case "integer":
      return formatInteger(Math.round(value));
    case "tokens":
      return formatTokenCount(value);
    case "share":
      return formatShare(value);
    case "ms":
      return formatMs(value);
    case "months":
      return formatMonths(value);
    default:
      return String(value);
  }
}
