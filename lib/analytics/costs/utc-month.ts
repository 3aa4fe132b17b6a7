// Budgets and month-to-date figures run on calendar months in UTC, as the budget counters do,
// so every server and every viewer sees the same month.

/** Midnight UTC on the first day of `now`'s month. */
export function startOfUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** "June 2026". */
export function formatUtcMonth(date: Date): string {
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
