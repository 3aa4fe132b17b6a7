// bench/ab.ts — two builds of Switchyard side by side: the server CPU per request and the added
// latency of build A against build B, measured in the same minutes on the same machine.
//
//   BENCH_AB_DIRS=.next-before,.next-after npx tsx bench/ab.ts
//
// Both builds serve from the same scratch database and the same mock upstream (answering at once),
// each as its own production server (scripts/serve.ts); the client sends concurrency-1 blocks of
// 50 requests to A, then to B, in turns (JSON, then SSE), so load from other work on a shared
// machine falls on both alike. CPU per request is each server's CPU time (/proc) during its own
// blocks. What differs between the two is what each build holds (the route handlers and what
// they import: lib/gateway, lib/ledger, lib/providers, …); lib/http and scripts/serve.ts are read
// from the source tree by both.
//
// Settings (environment): BENCH_AB_DIRS (two build folders, both built beforehand),
// BENCH_C1_REQUESTS=2000 per build and mode, BENCH_WARMUP=300, TEST_DATABASE_ADMIN_URL.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closedLoop, keepAliveAgent, type FireOptions, type Shot, type Target } from "./lib/load";
import { loadLine, machineInfo } from "./lib/machine";
import { cpuSeconds, freePort, runBenchmark } from "./lib/process";
import { ROUTINE_PROMPT } from "./lib/prompts";
import { rounded, summarise, table } from "./lib/stats";
import { preparePostgres, sourceState } from "./lib/bench-setup";
import { startSwitchyard } from "./lib/switchyard-server";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(BENCH_DIR, "results");
const STAMP = new Date().toISOString().replace(/[:.]/g, "-");
const BLOCK = 50;

const settings = {
  dirs: (process.env.BENCH_AB_DIRS ?? "").split(",").map((dir) => dir.trim()).filter(Boolean),
  requests: Number(process.env.BENCH_C1_REQUESTS ?? 2_000),
  warmup: Number(process.env.BENCH_WARMUP ?? 300),
};

async function main() {
  if (settings.dirs.length !== 2) throw new Error("Set BENCH_AB_DIRS to two build folders, e.g. .next-before,.next-after");
  mkdirSync(RESULTS, { recursive: true });
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const pgVersion = await preparePostgres(adminUrl);
  const source = sourceState();
  console.log(`A/B benchmark — ${loadLine()}, Node ${process.version}, PostgreSQL ${pgVersion}; A = ${settings.dirs[0]}, B = ${settings.dirs[1]}`);
  const sut = await startSwitchyard({ adminUrl, logFile: path.join(RESULTS, `ab-${STAMP}.a.log`), skipBuild: true, distDir: settings.dirs[0] });
  const b = await sut.startInstance(await freePort(), path.join(RESULTS, `ab-${STAMP}.b.log`), settings.dirs[1]);
  const servers = [
    { name: "A", dir: settings.dirs[0]!, pid: sut.server.pid!, port: sut.port },
    { name: "B", dir: settings.dirs[1]!, pid: b.pid, port: b.port },
  ];
  const body = (stream: boolean) => Buffer.from(JSON.stringify({ model: "auto", messages: ROUTINE_PROMPT, ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) }));
  const direct: Target = { label: "direct", host: "127.0.0.1", port: sut.mockPort, path: "/v1/chat/completions", headers: { authorization: `Bearer ${sut.mockKey}` } };
  const kinds = [
    { kind: "json", body: body(false), options: { expect: "chat", timeoutMs: 30_000 } as FireOptions },
    { kind: "sse", body: body(true), options: { expect: "sse", timeoutMs: 30_000 } as FireOptions },
  ];
  const lanes = kinds.flatMap(({ kind, body: bytes, options }) => [
    { label: `direct ${kind}`, kind, server: null, target: direct, bytes, options, agent: keepAliveAgent(1), shots: [] as Shot[], cpuS: 0 },
    ...servers.map((server) => ({
      label: `${server.name} ${kind}`,
      kind,
      server,
      target: { label: server.name, host: "127.0.0.1", port: server.port, path: "/api/v1/chat/completions", headers: sut.throughHeaders } as Target,
      bytes,
      options,
      agent: keepAliveAgent(1),
      shots: [] as Shot[],
      cpuS: 0,
    })),
  ]);
  console.log(`warm-up ${settings.warmup} per lane…`);
  for (const lane of lanes) await closedLoop(lane.agent, lane.target, lane.bytes, lane.options, settings.warmup);
  const loadBefore = machineInfo().loadAverage;
  console.log(`${settings.requests} requests per lane in turns of ${BLOCK} (${loadLine()})…`);
  for (let done = 0; done < settings.requests; done += BLOCK) {
    for (const lane of lanes) {
      const before = lane.server ? (cpuSeconds(lane.server.pid) ?? 0) : 0;
      lane.shots.push(...(await closedLoop(lane.agent, lane.target, lane.bytes, lane.options, BLOCK)));
      if (lane.server) lane.cpuS += (cpuSeconds(lane.server.pid) ?? 0) - before;
    }
  }
  const sent = sut.probeRequests + 2 * (kinds.length * (settings.requests + settings.warmup));
  const ledger = await sut.waitForLedger(sent, sent);
  for (const lane of lanes) lane.agent.destroy();

  const latency = (shots: Shot[], pick: (shot: Shot) => number) => rounded(summarise(shots.filter((shot) => shot.ok).map(pick)));
  const rows = lanes.map((lane) => {
    const total = latency(lane.shots, (shot) => shot.endAt - shot.scheduledAt);
    const ttfb = latency(lane.shots, (shot) => (shot.firstByteAt ?? shot.endAt) - shot.scheduledAt);
    return { lane: lane.label, ok: lane.shots.filter((shot) => shot.ok).length, requests: lane.shots.length, total, ttfb, cpuMsPerRequest: lane.server ? Math.round((lane.cpuS * 1000 * 1000) / lane.shots.length) / 1000 : null };
  });
  const byLabel = new Map(rows.map((row) => [row.lane, row]));
  const added = (kind: string, name: string, field: "total" | "ttfb") => {
    const through = byLabel.get(`${name} ${kind}`)![field];
    const base = byLabel.get(`direct ${kind}`)![field];
    return { p50: Math.round((through.p50 - base.p50) * 1000) / 1000, p99: Math.round((through.p99 - base.p99) * 1000) / 1000 };
  };
  const printed: Array<Array<string | number>> = [["lane", "ok", "p50", "p99", "ttfb p50", "added p50 / p99", "srv CPU ms/req"]];
  for (const row of rows) {
    const [name, kind] = row.lane.split(" ") as [string, string];
    const extra = name === "direct" ? "" : (({ p50, p99 }) => `${p50} / ${p99}`)(added(kind, name, kind === "sse" ? "ttfb" : "total"));
    printed.push([row.lane, `${row.ok}/${row.requests}`, row.total.p50, row.total.p99, row.ttfb.p50, extra, row.cpuMsPerRequest ?? ""]);
  }
  console.log(`\n${table(printed)}`);
  const ratios = kinds.map(({ kind }) => ({ kind, cpuBOverA: Math.round((byLabel.get(`B ${kind}`)!.cpuMsPerRequest! / byLabel.get(`A ${kind}`)!.cpuMsPerRequest!) * 1000) / 1000 }));
  for (const { kind, cpuBOverA } of ratios) console.log(`${kind}: server CPU per request B / A = ${cpuBOverA}`);
  console.log(`records ${ledger.records}/${ledger.expected} (${ledger.complete ? "complete" : "INCOMPLETE"}); load average ${loadBefore.join(", ")} at the start, ${loadLine()} at the end`);

  const out = path.join(RESULTS, `ab-${STAMP}.json`);
  writeFileSync(out, JSON.stringify({ benchmark: "ab", settings, servers, source, machineAtStart: { loadAverage: loadBefore }, machineAtEnd: machineInfo(), lanes: rows, ratios, ledger }, null, 2));
  console.log(`Results: ${path.relative(process.cwd(), out)}`);
}

runBenchmark(main);
