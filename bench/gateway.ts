// bench/gateway.ts — Switchyard's overhead through the real Next production server.
//
//   npx tsx bench/gateway.ts
//
// Sets up a scratch PostgreSQL database (migrated, seeded), points every model at one lean mock
// upstream (bench/mock-upstream.ts, its own process), publishes that as a new policy version,
// creates an app key without a rate limit, raises every budget, builds (unless BENCH_SKIP_BUILD=1)
// and starts `next start` on loopback, then measures the same request direct to the mock and
// through /api/v1/chat/completions:
//   c1    concurrency 1, closed loop, mock answering at once: JSON and SSE, direct vs through, plus
//         Next's floor (GET → 405) and a dry run to split the overhead; the same prompt through
//         /api/v1/messages and /api/v1/responses (translated to the mock's chat completions), and
//         an embedding direct and through /api/v1/embeddings
//   rate  open loop at fixed arrival rates against a mock answering after 1,500 ms: 500 req/s
//         (direct, Next's floor, through), then 250 and 100 while the higher rate fails, then a
//         bisection between the highest rate that held and the lowest that did not
// After each scenario it waits for the ledger and counts the decision records and rollups.
// Stops the server with SIGTERM and drops the database at the end, also on failure or Ctrl-C.
// bench/README.md explains the method and the figures.
//
// Settings (environment): BENCH_SKIP_BUILD=1, BENCH_SCENARIOS=c1,rate, BENCH_C1_REQUESTS=2000,
// BENCH_WARMUP=300, BENCH_C1_MODES=through json,dry run (keep only those modes),
// BENCH_RATES=500,250,100 (BENCH_RATES_ALL=1 runs every listed rate even after one passes),
// BENCH_BISECT=2, BENCH_DURATION_S=20, BENCH_DELAY_MS=1500, BENCH_RATE_STREAM=1 (also stream at
// each rate), BENCH_CPU_PROF=1 (node --cpu-prof on the server; profile and summary under
// bench/results/), BENCH_PORT, BENCH_DIST_DIR (Next's build folder; .next unless set), BENCH_SERVER=next (plain `next start`),
// TEST_DATABASE_ADMIN_URL.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runC1 } from "./lib/gateway-c1";
import { gatewayContext } from "./lib/gateway-context";
import { runRates } from "./lib/gateway-rate";
import { settings } from "./lib/gateway-settings";
import { childEnv, runBenchmark, sleep } from "./lib/process";
import { ROOT, TSX_CLI, preparePostgres, sourceState } from "./lib/bench-setup";
import { startSwitchyard } from "./lib/switchyard-server";

const BENCH_DIR = import.meta.dirname ?? __dirname;
const RESULTS = path.join(BENCH_DIR, "results");
const STAMP = new Date().toISOString().replace(/[:.]/g, "-");

async function main() {
  const { DEFAULT_ADMIN_URL } = await import("@/lib/testing/database");
  const { table } = await import("./lib/stats");
  const { machineInfo, loadLine } = await import("./lib/machine");

  mkdirSync(RESULTS, { recursive: true });
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const pgVersion = await preparePostgres(adminUrl);
  const startMachine = machineInfo();
  const source = sourceState();
  console.log(`Gateway benchmark — ${loadLine()}, Node ${process.version}, PostgreSQL ${pgVersion}, source ${source.commit} + ${source.uncommittedFiles} uncommitted file(s)`);

  const logFile = path.join(RESULTS, `gateway-${STAMP}.server.log`);
  const profileDir = path.join(RESULTS, `profile-${STAMP}`);
  const sut = await startSwitchyard({
    adminUrl,
    logFile,
    skipBuild: settings.skipBuild,
    cpuProfileDir: settings.cpuProf ? profileDir : null,
    port: process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined,
    distDir: process.env.BENCH_DIST_DIR,
    server: process.env.BENCH_SERVER === "next" ? "next" : "switchyard",
  });
  const { port, policyVersion, models, server, exited, stale, ledgerCounts } = sut;
  const ctx = await gatewayContext(sut, logFile);
  const results: Record<string, unknown> = {};
  const summaryRows: Array<Array<string | number>> = [];
  if (settings.scenarios.includes("c1")) results.c1 = await runC1(sut, ctx, settings, startMachine, summaryRows);
  if (settings.scenarios.includes("rate")) results.rate = await runRates(sut, ctx, settings, summaryRows);

  // --- shutdown: SIGTERM, the gateway flushes its queue ---------------------------------------------
  const stopAt = Date.now();
  server.kill("SIGTERM");
  await Promise.race([exited, sleep(30_000)]);
  const shutdown = { exit: sut.serverExit(), ms: Date.now() - stopAt, logLine: "" };
  const afterStop = await ledgerCounts();
  const serverLog = readFileSync(logFile, "utf8");
  shutdown.logLine = serverLog.split("\n").find((line) => line.includes("pending decision record")) ?? "";
  const errorLines = serverLog.split("\n").filter((line) => /error|unhandled|warn/i.test(line)).slice(0, 20);
  console.log(
    `\nshutdown: ${JSON.stringify(shutdown.exit)} after ${shutdown.ms} ms; ${shutdown.logLine || "(no flush line in the log)"}; records ${afterStop.records}/${ctx.counts.throughSent}, rollups ${afterStop.rollupRequests}/${ctx.counts.throughSent - ctx.counts.dryRunsSent}`,
  );
  if (errorLines.length > 0) console.log(`server log has ${errorLines.length}+ error/warning lines, first: ${errorLines[0]}`);

  if (settings.cpuProf) {
    // Summarise now, while .next still holds the chunks (and source maps) the profile refers to.
    const summary = spawnSync(process.execPath, [TSX_CLI, path.join(BENCH_DIR, "profile-summary.ts"), profileDir], { cwd: ROOT, encoding: "utf8", env: childEnv({ TOP: "40", NODE_OPTIONS: undefined }) });
    writeFileSync(path.join(profileDir, "summary.txt"), `${summary.stdout}${summary.stderr}`);
    console.log(`\nCPU profile summary: ${path.relative(process.cwd(), path.join(profileDir, "summary.txt"))}`);
  }

  console.log(`\nSummary against the issue's targets (${loadLine()}):`);
  console.log(table([["measure", "measured", "target", ""], ...summaryRows]));

  const out = path.join(RESULTS, `gateway-${STAMP}.json`);
  writeFileSync(
    out,
    JSON.stringify(
      {
        benchmark: "gateway",
        machineAtStart: startMachine,
        machineAtEnd: machineInfo(),
        postgres: pgVersion,
        source,
        settings,
        next: { port, pid: server.pid, build: settings.skipBuild ? "skipped" : "built", buildStale: settings.skipBuild ? stale : false, cpuProfile: settings.cpuProf ? profileDir : null },
        policyVersion,
        modelsOnMock: models,
        results,
        ledgerAfterShutdown: { ...afterStop, expected: ctx.counts.throughSent, expectedRollup: ctx.counts.throughSent - ctx.counts.dryRunsSent },
        shutdown,
        serverLogErrorLines: errorLines,
      },
      null,
      2,
    ),
  );
  console.log(`Results: ${path.relative(process.cwd(), out)}`);
}

runBenchmark(main);
