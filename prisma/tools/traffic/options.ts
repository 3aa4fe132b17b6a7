// The generator's command line and its hourly curve (pure): how many requests each hour of the
// run gets, repeatable with --seed.

export interface GenerateOptions {
  requests: number;
  days: number;
  end: Date;
  unpricedShare: number;
  seed: number | null;
  skipIfPresent?: boolean;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function parseArgs(argv: string[]): GenerateOptions {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw.replace(/_/g, ""));
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a non-negative number, got ${raw}`);
    return parsed;
  };
  const end = value("end") ? new Date(value("end")!) : new Date();
  if (Number.isNaN(end.getTime())) throw new Error(`--end must be a date, got ${value("end")}`);
  const seed = value("seed") === undefined ? null : number("seed", 0);
  if (seed !== null && seed > 1) throw new Error("--seed must be between 0 and 1");
  const requests = Math.round(number("requests", 100_000));
  const days = number("days", 30);
  if (requests < 1 || days <= 0) throw new Error("--requests and --days must be positive");
  return { requests, days, end, unpricedShare: number("unpriced-share", 0.03), seed, skipIfPresent: argv.includes("--skip-if-present") };
}

/**
 * How many requests each hour gets: a daytime curve (busiest 13–17 UTC, when Europe and the US
 * overlap), quieter weekends, traffic growing ~40% over the range, ±8% noise. Sums to `total`.
 */
export function hourlyCounts(start: Date, hours: number, total: number, random: () => number = Math.random): number[] {
  const weights: number[] = [];
  for (let i = 0; i < hours; i++) {
    const at = new Date(start.getTime() + i * HOUR_MS);
    const hour = at.getUTCHours();
    const daytime = 0.25 + Math.exp(-((hour - 15) ** 2) / 18);
    const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6 ? 0.45 : 1;
    const growth = 1 + 0.4 * (i / Math.max(1, hours - 1));
    weights.push(daytime * weekend * growth * (0.92 + 0.16 * random()));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  // Largest remainders get the leftover requests, so the total is exact.
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  for (const [, index] of order) {
    if (left <= 0) break;
    counts[index]! += 1;
    left -= 1;
  }
  return counts;
}

/** mulberry32: a small deterministic PRNG, so --seed repeats the hourly curve too. */
export function seededRandom(seed: number): () => number {
  let state = Math.floor(seed * 2 ** 32) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
