// Fixed latency buckets stored in each hourly rollup, so p50/p95 over any range come from
// summing bucket counts instead of scanning raw records. Bounds in milliseconds (upper, inclusive);
// the last bucket is open-ended. Roughly ×1.5 steps keep any percentile within one bucket's width.
export const LATENCY_BUCKET_BOUNDS_MS = [
  5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 20000, 30000, 60000,
] as const;

export const BUCKET_COUNT = LATENCY_BUCKET_BOUNDS_MS.length + 1;

export function bucketIndex(ms: number): number {
  for (let i = 0; i < LATENCY_BUCKET_BOUNDS_MS.length; i++) {
    if (ms <= LATENCY_BUCKET_BOUNDS_MS[i]!) return i;
  }
  return LATENCY_BUCKET_BOUNDS_MS.length;
}

export function emptyBuckets(): number[] {
  return new Array<number>(BUCKET_COUNT).fill(0);
}

export function addBuckets(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < BUCKET_COUNT; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

/**
 * The q-quantile (0..1) from bucket counts, as the upper bound of the bucket holding it
 * (a conservative figure: the true value is at most this). Null when there are no samples.
 */
export function quantileFromBuckets(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < buckets.length; i++) {
    seen += buckets[i] ?? 0;
    if (seen >= rank) return i < LATENCY_BUCKET_BOUNDS_MS.length ? LATENCY_BUCKET_BOUNDS_MS[i]! : Infinity;
  }
  return Infinity;
}
