// How numbers and lists read in trace sentences. Fixed to en-US so a trace reads the same on
// every server, whatever its locale.

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });
const smallDollars = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumSignificantDigits: 3,
});

/** 12345 → "12,345". */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** Budgets read as "$500.00"; per-request estimates as "$0.000412" (three significant digits). */
export function formatUsd(value: number): string {
  return value !== 0 && Math.abs(value) < 1 ? smallDollars.format(value) : dollars.format(value);
}

/** ["a"] → "a"; ["a", "b"] → "a and b"; ["a", "b", "c"] → "a, b and c". */
export function listWords(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** "the local tier" / "the local and hosted-open tiers". */
export function tierPhrase(tierKeys: readonly string[]): string {
  return `the ${listWords(tierKeys)} tier${tierKeys.length === 1 ? "" : "s"}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}

/** A UTC date as "1 June 2026". */
export function formatUtcDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    date,
  );
}
