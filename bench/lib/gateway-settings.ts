// The settings of bench/gateway.ts, from the environment (its header lists them).
export const settings = {
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  scenarios: (process.env.BENCH_SCENARIOS ?? "c1,rate").split(",").map((s) => s.trim()),
  c1Requests: Number(process.env.BENCH_C1_REQUESTS ?? 2_000),
  c1Block: 50,
  warmup: Number(process.env.BENCH_WARMUP ?? 300),
  rates: (process.env.BENCH_RATES ?? "500,250,100").split(",").map(Number),
  allRates: process.env.BENCH_RATES_ALL === "1",
  durationS: Number(process.env.BENCH_DURATION_S ?? 20),
  delayMs: Number(process.env.BENCH_DELAY_MS ?? 1_500),
  rateStream: process.env.BENCH_RATE_STREAM === "1",
  /** Extra rates tried between the highest that held and the lowest that did not. */
  bisect: Number(process.env.BENCH_BISECT ?? 2),
  cpuProf: process.env.BENCH_CPU_PROF === "1",
  requestTimeoutMs: 30_000,
};

export type GatewaySettings = typeof settings;
