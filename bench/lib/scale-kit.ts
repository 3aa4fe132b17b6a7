// What bench/scale.ts's phases share: the settings (from the environment), the scale
// database's address, the bench records' feature key, and timing one case.
import { rounded, summarise } from "./stats";

export const SCALE_URL = process.env.SCALE_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/switchyard_scale";
export const RUNS = Number(process.env.BENCH_RUNS ?? 20);
export const WRITE_BATCHES = Number(process.env.BENCH_WRITE_BATCHES ?? 30);
export const BATCH_SIZE = Number(process.env.BENCH_BATCH_SIZE ?? 500);
export const BENCH_FEATURE = "bench-scale";
export const DAY_MS = 86_400_000;

export interface CaseResult {
  group: string;
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  rows?: number;
}

export const p95 = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(0.95 * sorted.length))) - 1]!;
};

export async function measure(group: string, name: string, run: () => Promise<number | void>, runs = RUNS): Promise<CaseResult> {
  let rows: number | undefined;
  for (let i = 0; i < 2; i++) await run(); // warm-up: plans and caches
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await run();
    samples.push(performance.now() - started);
    if (typeof result === "number") rows = result;
  }
  const summary = summarise(samples);
  return rounded({ group, name, runs, p50: summary.p50, p95: p95(samples), max: summary.max, ...(rows === undefined ? {} : { rows }) }, 1);
}

// ─────────────────────────────── phase: read ───────────────────────────────
