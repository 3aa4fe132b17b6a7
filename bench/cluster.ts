// bench/cluster.ts (`npm run bench:cluster`) — one instance per core: two Switchyard instances
// of the same build on the same database behind HAProxy (the layout `npm run cluster` starts),
// against one instance and against the mock directly, at fixed arrival rates against a slow
// upstream, every answered request checked against the ledger.
//
// For each rate: direct, one instance, two instances behind HAProxy; open loop (latency from the
// scheduled send time), JSON, the mock answering after BENCH_DELAY_MS. Settings (environment):
// BENCH_SKIP_BUILD=1, BENCH_DIST_DIR (.next-bench unless set), BENCH_RATES=400,500,600,
// BENCH_DURATION_S=15, BENCH_DELAY_MS=1500, BENCH_SERVER=next, TEST_DATABASE_ADMIN_URL.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { haproxyConfig } from "../lib/cluster/haproxy-config";
import { ensureDebianPackage } from "../scripts/ensure-debian-package";
import { env } from "../lib/env";
import { keepAliveAgent, openLoop, type Target } from "./lib/load";
import { loadLine, machineInfo } from "./lib/machine";
import { cpuSeconds, freePort, onCleanup, runBenchmark, sleep } from "./lib/process";
import { ROUTINE_PROMPT } from "./lib/prompts";
import { analyseOpenLoop } from "./lib/rate-analysis";
import { table } from "./lib/stats";
import { preparePostgres, sourceState } from "./lib/bench-setup";
import { startSwitchyard } from "./lib/switchyard-server";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(BENCH_DIR, "results");
const STAMP = new Date().toISOString().replace(/[:.]/g, "-");
const HAPROXY = "/usr/sbin/haproxy";

const settings = {
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  distDir: process.env.BENCH_DIST_DIR || ".next-bench",
  server: process.env.BENCH_SERVER === "next" ? ("next" as const) : ("switchyard" as const),
  rates: (process.env.BENCH_RATES ?? "400,500,600").split(",").map(Number),
  durationS: Number(process.env.BENCH_DURATION_S ?? 15),
  delayMs: Number(process.env.BENCH_DELAY_MS ?? 1_500),
};

type Layout = "direct" | "one instance" | "two instances (HAProxy)";

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const pgVersion = await preparePostgres(adminUrl);
  const source = sourceState();
  console.log(`Cluster benchmark — ${loadLine()}, Node ${process.version}, PostgreSQL ${pgVersion}, source ${source.commit} + ${source.uncommittedFiles} uncommitted file(s)`);

  ensureDebianPackage(HAPROXY, "haproxy", "for the cluster benchmark");
  const sut = await startSwitchyard({ adminUrl, logFile: path.join(RESULTS, `cluster-${STAMP}.a.log`), skipBuild: settings.skipBuild, distDir: settings.distDir, server: settings.server });
  const second = await sut.startInstance(await freePort(), path.join(RESULTS, `cluster-${STAMP}.b.log`));
  const balancerPort = await freePort();
  const config = path.join(RESULTS, `cluster-${STAMP}.haproxy.cfg`);
  writeFileSync(config, haproxyConfig({ bind: `127.0.0.1:${balancerPort}`, instances: [`127.0.0.1:${sut.port}`, `127.0.0.1:${second.port}`], maxConnPerInstance: env.GATEWAY_MAX_IN_FLIGHT }));
  const balancer = spawn(HAPROXY, ["-db", "-f", config], { stdio: "ignore" });
  onCleanup("stop HAProxy", async () => void balancer.kill("SIGTERM"));
  for (let i = 0; i < 40 && !(await fetch(`http://127.0.0.1:${balancerPort}/api/health/live`).then((r) => r.ok).catch(() => false)); i++) await sleep(250);
  console.log(`instances on ${sut.port} (pid ${sut.server.pid}) and ${second.port} (pid ${second.pid}) behind HAProxy on ${balancerPort}`);

  const body = Buffer.from(JSON.stringify({ model: "auto", messages: ROUTINE_PROMPT }));
  const through = (port: number): Target => ({ label: "switchyard", host: "127.0.0.1", port, path: "/api/v1/chat/completions", headers: sut.throughHeaders });
  const layouts: Array<{ name: Layout; target: Target; pids: number[] }> = [
    { name: "direct", target: { label: "direct", host: "127.0.0.1", port: sut.mockPort, path: "/v1/chat/completions", headers: { authorization: `Bearer ${sut.mockKey}` } }, pids: [] },
    { name: "one instance", target: through(sut.port), pids: [sut.server.pid!] },
    { name: "two instances (HAProxy)", target: through(balancerPort), pids: [sut.server.pid!, second.pid] },
  ];
  await sut.mockControl("/__bench/config", { delayMs: settings.delayMs });

  const rows: Array<Array<string | number>> = [["run", "sent", "ok %", "resp/s steady", "p50", "p99", "added p50", "added p99", "errors", "CPU ms/handled", "records", "kept up"]];
  const runs: Array<Record<string, unknown>> = [];
  for (const rate of settings.rates) {
    let direct: ReturnType<typeof analyseOpenLoop> | null = null;
    for (const layout of layouts) {
      console.log(`\nrate: ${layout.name} ${rate}/s for ${settings.durationS} s (${loadLine()})…`);
      await sleep(3_000);
      const agent = keepAliveAgent();
      const base = await sut.ledgerCounts();
      const cpuBefore = layout.pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
      const mockBefore = await sut.mockControl("/__bench/reset");
      const run = await openLoop(agent, layout.target, body, { expect: "chat", timeoutMs: 30_000 }, rate, settings.durationS);
      agent.destroy();
      const analysis = analyseOpenLoop(run, settings.delayMs);
      if (layout.name === "direct") direct = analysis;
      let records = "";
      let recordsComplete: boolean | null = null;
      if (layout.name !== "direct") {
        // Every request that reached an instance leaves exactly one record (answers and 503s alike).
        const settled = await sut.waitForLedger(base.records + run.shots.length, base.rollupRequests + run.shots.length);
        const written = settled.records - base.records;
        recordsComplete = written === run.shots.length;
        records = `${written}/${run.shots.length}`;
      }
      await sleep(2_000);
      const handled = (await sut.mockControl("/__bench/stats")).requests - mockBefore.requests;
      const cpu = layout.pids.length === 0 || handled === 0 ? null : Math.round(((layout.pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0) - cpuBefore) * 1000 * 100) / handled) / 100;
      const added = (q: "p50" | "p99") => (direct && layout.name !== "direct" ? Math.round((analysis.latencyMs[q] - direct.latencyMs[q]) * 1000) / 1000 : "");
      rows.push([`${layout.name} ${rate}/s`, analysis.sent, analysis.successRate, analysis.steadyResponsesPerS, analysis.latencyMs.p50, analysis.latencyMs.p99, added("p50"), added("p99"), JSON.stringify(analysis.errors), cpu ?? "", records, analysis.keptUp ? "yes" : "NO"]);
      runs.push({ layout: layout.name, rate, ...analysis, cpuMsPerHandledRequest: cpu, records, recordsComplete, load: machineInfo().loadAverage });
      console.log(`  ${analysis.ok}/${analysis.sent} ok, p50 ${analysis.latencyMs.p50} ms, p99 ${analysis.latencyMs.p99} ms, errors ${JSON.stringify(analysis.errors)}${records ? `, records ${records}` : ""}`);
    }
  }
  console.log(`\nopen loop, JSON, mock answers after ${settings.delayMs} ms; ms from the scheduled send time; added = minus direct at the same rate (${loadLine()})`);
  console.log(table(rows));

  const held = (name: Layout) =>
    Math.max(0, ...runs.filter((run) => run.layout === name && run.successRate === 100 && run.recordsComplete === true && run.keptUp === true).map((run) => run.rate as number));
  const targets = [
    ["target", "measured", ""],
    ["two instances behind HAProxy hold 500 req/s: 100% ok, every record written, kept up", `highest held: ${held("two instances (HAProxy)") || "none"} req/s`, held("two instances (HAProxy)") >= 500 ? "met" : "MISSED"],
    ["one instance (for comparison)", `highest held: ${held("one instance") || "none"} req/s`, ""],
  ];
  console.log(table(targets));
  const out = path.join(RESULTS, `cluster-${STAMP}.json`);
  writeFileSync(out, JSON.stringify({ benchmark: "cluster", source, settings, postgres: pgVersion, machine: machineInfo(), runs }, null, 2));
  console.log(`Results: ${path.relative(process.cwd(), out)}`);
}

runBenchmark(main);
