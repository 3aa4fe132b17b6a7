// Display formatting shared by pages and charts. Pure; fixed locale so server and client agree.

const LOCALE = "en-US";

export function formatUsd(value: number | null, { precise = false }: { precise?: boolean } = {}): string {
  if (value === null) return "unknown";
  const digits = precise || Math.abs(value) < 1 ? 4 : 2;
  return new Intl.NumberFormat(LOCALE, { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: digits }).format(value);
}

export function formatPricePerMTok(value: number | null): string {
  if (value === null) return "no price";
  return `${formatUsd(value, { precise: value < 1 })} / 1M`;
}

export function formatInteger(value: number): string {
  return new Intl.NumberFormat(LOCALE).format(value);
}

export function formatTokens(value: number): string {
  if (value >= 1_000_000) return `${(value / 1_000_000).toFixed(value % 1_000_000 === 0 ? 0 : 1)}M`;
  if (value >= 1_000) return `${Math.round(value / 1_000)}k`;
  return String(value);
}

export function formatDateTime(value: Date): string {
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(value) + " UTC";
}
