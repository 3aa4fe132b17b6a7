// bench/peer.ts — Switchyard against Portkey's open-source gateway, side by side in one run.
//
//   npm run bench:peer        (npx tsx bench/peer.ts)
//
// Starts Switchyard as bench/gateway.ts does (bench/lib/switchyard-server.ts: scratch database,
// every model on the lean mock upstream, `next start` on loopback), installs Portkey's gateway
// (npm @portkey-ai/gateway 1.15.2) into $TMPDIR/switchyard-peers/portkey — outside the project,
// never one of its dependencies — and starts it on Node (bench/lib/portkey.ts). Then the same
// request bytes, through the same client (bench/lib/load.ts), go to three targets:
//   direct      the mock itself
//   switchyard  /api/v1/chat/completions, model auto, a routine prompt (local tier, on the mock)
//   portkey     /v1/chat/completions with x-portkey-provider: openai and x-portkey-custom-host
//               pointing at the mock (an OpenAI-compatible custom host)
//   c1    concurrency 1, mock answering at once, JSON and SSE, the six modes taking turns in
//         blocks of 50 (direct, Switchyard, Portkey, …) so drift on the shared machine hits all
//         alike; added latency = the gateway's percentile minus direct's
//   rate  open loop at fixed arrival rates against a mock answering after 1.5 s, JSON, the three
//         targets one after another at each rate
// A target whose probe fails (Portkey's streaming on Node 20) is reported as failed, with the
// error, and left out of the timing. Prints every figure and the ratio Switchyard / Portkey,
// and writes JSON to bench/results/peer-<time>.json. bench/README.md ("Peers") has the method.
//
// Settings (environment): BENCH_SKIP_BUILD=1, BENCH_DIST_DIR (Next's build folder, .next-bench
// unless set, so a build here never replaces the .next another run is serving),
// BENCH_SCENARIOS=c1,rate, BENCH_C1_REQUESTS=1000, BENCH_WARMUP=200, BENCH_RATES=300,500,
// BENCH_DURATION_S=15, BENCH_RAMP_S=0 (seconds at each rate before the measured window), BENCH_DELAY_MS=1500, TEST_DATABASE_ADMIN_URL, BENCH_SERVER=next (Switchyard
// under plain `next start`, every path through Next: the figure before scripts/serve.ts).
import { readFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { closedLoop, errorsByKind, fire, keepAliveAgent, type FireOptions, type Shot } from "./lib/load";
import { loadLine, machineInfo, machineJiffies, machineShare } from "./lib/machine";
import { installPortkey, portkeyHeaders, startPortkey } from "./lib/portkey";
import { doneWhenChecks, r3, ratio, type Contestant, type Failure, type Kind, type Name } from "./lib/peer-kit";
import { runPeerRates } from "./lib/peer-rate";
import { cpuSeconds, runBenchmark, sleep } from "./lib/process";
import { ROUTINE_PROMPT } from "./lib/prompts";
import { rounded, summarise, table } from "./lib/stats";
import { preparePostgres, sourceState } from "./lib/bench-setup";
import { startSwitchyard } from "./lib/switchyard-server";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS = path.join(BENCH_DIR, "results");
const STAMP = new Date().toISOString().replace(/[:.]/g, "-");

const settings = {
  skipBuild: process.env.BENCH_SKIP_BUILD === "1",
  distDir: process.env.BENCH_DIST_DIR || ".next-bench",
  server: process.env.BENCH_SERVER === "next" ? ("next" as const) : ("switchyard" as const),
  scenarios: (process.env.BENCH_SCENARIOS ?? "c1,rate").split(",").map((s) => s.trim()),
  c1Requests: Number(process.env.BENCH_C1_REQUESTS ?? 1_000),
  c1Block: 50,
  warmup: Number(process.env.BENCH_WARMUP ?? 200),
  rates: (process.env.BENCH_RATES ?? "300,500").split(",").map(Number),
  durationS: Number(process.env.BENCH_DURATION_S ?? 15),
  rampS: Number(process.env.BENCH_RAMP_S ?? 0),
  delayMs: Number(process.env.BENCH_DELAY_MS ?? 1_500),
  requestTimeoutMs: 30_000,
};

async function main() {
  const { DEFAULT_ADMIN_URL } = await import("@/lib/testing/database");
  mkdirSync(RESULTS, { recursive: true });
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? DEFAULT_ADMIN_URL;
  const pgVersion = await preparePostgres(adminUrl);
  const startMachine = machineInfo();
  const source = sourceState();
  console.log(`Peer benchmark — ${loadLine()}, Node ${process.version}, PostgreSQL ${pgVersion}, source ${source.commit} + ${source.uncommittedFiles} uncommitted file(s)`);

  const portkeyInstall = installPortkey();
  console.log(`Portkey ${portkeyInstall.version}: ${portkeyInstall.installed ? `installed in ${portkeyInstall.installMs} ms` : "reused"} at ${portkeyInstall.dir}`);
  const sut = await startSwitchyard({ adminUrl, logFile: path.join(RESULTS, `peer-${STAMP}.switchyard.log`), skipBuild: settings.skipBuild, distDir: settings.distDir, server: settings.server });
  const portkey = await startPortkey(portkeyInstall, path.join(RESULTS, `peer-${STAMP}.portkey.log`));
  console.log(`Portkey on http://127.0.0.1:${portkey.port} (pid ${portkey.pid}), log ${path.relative(process.cwd(), portkey.logFile)}`);

  const counts = { switchyardSent: sut.probeRequests }; // every request to Switchyard should leave one record
  const requestBody = (stream: boolean) => Buffer.from(JSON.stringify({ model: "auto", messages: ROUTINE_PROMPT, ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) }));
  const bodies: Record<Kind, Buffer> = { json: requestBody(false), sse: requestBody(true) };
  const contestants: Contestant[] = [
    { name: "direct", pid: sut.mock.pid, agent: keepAliveAgent(1), target: { label: "direct", host: "127.0.0.1", port: sut.mockPort, path: "/v1/chat/completions", headers: { authorization: `Bearer ${sut.mockKey}` } } },
    { name: "switchyard", pid: sut.server.pid, agent: keepAliveAgent(1), target: { label: "switchyard", host: "127.0.0.1", port: sut.port, path: "/api/v1/chat/completions", headers: sut.throughHeaders } },
    { name: "portkey", pid: portkey.pid, agent: keepAliveAgent(1), target: { label: "portkey", host: "127.0.0.1", port: portkey.port, path: "/v1/chat/completions", headers: portkeyHeaders(sut.mockPort, sut.mockKey) } },
  ];
  const options = (kind: Kind): FireOptions => ({ expect: kind === "sse" ? "sse" : "chat", timeoutMs: settings.requestTimeoutMs });
  const logOffsets = new Map<string, number>();
  const freshLog = (file: string) => {
    const text = readFileSync(file, "utf8");
    const fresh = text.slice(logOffsets.get(file) ?? 0);
    logOffsets.set(file, text.length);
    return fresh;
  };
  const logOf = (name: Name) => (name === "portkey" ? portkey.logFile : name === "switchyard" ? sut.logFile : null);

  // --- probes: one request per target and kind; a failing one is reported, not timed -------------
  const failures: Partial<Record<`${Name} ${Kind}`, Failure>> = {};
  for (const kind of ["json", "sse"] as const) {
    for (const contestant of contestants) {
      const file = logOf(contestant.name);
      if (file) freshLog(file);
      const shot = await fire(contestant.agent, contestant.target, bodies[kind], options(kind));
      if (contestant.name === "switchyard") counts.switchyardSent += 1;
      if (shot.ok) continue;
      // Again with fetch, to keep what the target answered.
      const response = await fetch(`http://127.0.0.1:${contestant.target.port}${contestant.target.path}`, {
        method: "POST",
        headers: { ...contestant.target.headers, "content-type": "application/json" },
        body: bodies[kind].toString("utf8"),
      }).catch((error: unknown) => error as Error);
      if (contestant.name === "switchyard") counts.switchyardSent += 1;
      const body = response instanceof Response ? (await response.text()).slice(0, 400) : String(response);
      await sleep(200);
      const log = file ? freshLog(file).split("\n").filter((line) => /error|exception|at /i.test(line)).slice(0, 6).map((line) => line.replace(/^[\s\S]*Starting AI Gateway\.\.\./, "").trim()) : [];
      failures[`${contestant.name} ${kind}`] = { error: shot.error ?? "failed", status: response instanceof Response ? response.status : null, body, log };
      console.log(`probe ${contestant.name} ${kind}: FAILED ${shot.error} — ${body}${log.length ? `\n  its log: ${log.slice(0, 3).join(" | ")}` : ""}`);
    }
  }

  const ownCpuSeconds = async () => {
    const { rows } = await sut.ledger.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [sut.database.name]);
    const self = process.cpuUsage();
    const pids: Array<number | undefined> = [sut.server.pid, portkey.pid, sut.mock.pid, ...rows.map((row) => row.pid)];
    return pids.reduce<number>((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0) + (self.user + self.system) / 1e6;
  };
  const contentionMark = async () => ({ jiffies: machineJiffies(), own: await ownCpuSeconds() });
  const contentionSince = async (mark: Awaited<ReturnType<typeof contentionMark>>) => machineShare(mark.jiffies, (await ownCpuSeconds()) - mark.own);
  /** Until the mock gets no requests and both gateways use < 15% of a core, three seconds running (120 s at most). */
  const waitUntilIdle = async () => {
    const started = Date.now();
    let quiet = 0;
    let upstreamBefore = (await sut.mockControl("/__bench/stats")).requests;
    while (Date.now() - started < 120_000) {
      const before = [cpuSeconds(sut.server.pid) ?? 0, cpuSeconds(portkey.pid) ?? 0];
      await sleep(1_000);
      const busiest = Math.max((cpuSeconds(sut.server.pid) ?? 0) - before[0]!, (cpuSeconds(portkey.pid) ?? 0) - before[1]!) * 100;
      const { inFlight, requests } = await sut.mockControl("/__bench/stats");
      quiet = inFlight === 0 && requests === upstreamBefore && busiest < 15 ? quiet + 1 : 0;
      upstreamBefore = requests;
      if (quiet >= 3) return { idle: true, waitedMs: Date.now() - started };
    }
    return { idle: false, waitedMs: Date.now() - started };
  };

  const results: Record<string, unknown> = { failures };
  const summary: Array<Array<string | number>> = [["figure", "Switchyard", "Portkey", "Switchyard / Portkey"]];
  const failedCell = (key: `${Name} ${Kind}`) => {
    const failure = failures[key];
    return failure ? `failed (${failure.error})` : null;
  };
  const row = (figure: string, switchyard: number | null | undefined, portkeyValue: number | null | undefined, cells?: { switchyard?: string | null; portkey?: string | null }) =>
    summary.push([figure, cells?.switchyard ?? switchyard ?? "—", cells?.portkey ?? portkeyValue ?? "—", cells?.switchyard || cells?.portkey ? "—" : ratio(switchyard, portkeyValue)]);

  // --- c1: concurrency 1, interleaved ----------------------------------------------------------------
  if (settings.scenarios.includes("c1")) {
    await sut.mockControl("/__bench/config", { delayMs: 0 });
    const modes = (["json", "sse"] as const).flatMap((kind) => contestants.filter((c) => !failures[`${c.name} ${kind}`]).map((contestant) => ({ kind, contestant, name: `${contestant.name} ${kind}` as const })));
    console.log(`\nc1: warm-up ${settings.warmup} per mode (${modes.map((m) => m.name).join(", ")})…`);
    for (const mode of modes) {
      await closedLoop(mode.contestant.agent, mode.contestant.target, bodies[mode.kind], options(mode.kind), settings.warmup);
      if (mode.contestant.name === "switchyard") counts.switchyardSent += settings.warmup;
    }
    await sut.waitForLedger(counts.switchyardSent, counts.switchyardSent);
    const shots: Record<string, Shot[]> = Object.fromEntries(modes.map((mode) => [mode.name, []]));
    const cpuByMode: Record<string, number> = {};
    const phaseCpuBefore = Object.fromEntries(contestants.map((c) => [c.name, cpuSeconds(c.pid) ?? 0]));
    const contention = await contentionMark();
    const loadBefore = machineInfo().loadAverage;
    const started = Date.now();
    console.log(`c1: ${settings.c1Requests} requests per mode, in rotating blocks of ${settings.c1Block} (${loadLine()})…`);
    for (let done = 0; done < settings.c1Requests; done += settings.c1Block) {
      const count = Math.min(settings.c1Block, settings.c1Requests - done);
      for (const mode of modes) {
        const before = cpuSeconds(mode.contestant.pid) ?? 0;
        shots[mode.name]!.push(...(await closedLoop(mode.contestant.agent, mode.contestant.target, bodies[mode.kind], options(mode.kind), count)));
        cpuByMode[mode.name] = (cpuByMode[mode.name] ?? 0) + ((cpuSeconds(mode.contestant.pid) ?? 0) - before);
        if (mode.contestant.name === "switchyard") counts.switchyardSent += count;
      }
    }
    const elapsedS = (Date.now() - started) / 1000;
    const machine = await contentionSince(contention);
    const requestsOf = (name: Name) => modes.filter((m) => m.contestant.name === name).length * settings.c1Requests;
    // Whole-phase CPU per request: includes work done between a target's own blocks (Switchyard's ledger flushes).
    const phaseCpuMsPerRequest = Object.fromEntries(
      contestants.map((c) => [c.name, requestsOf(c.name) > 0 ? Math.round((((cpuSeconds(c.pid) ?? 0) - phaseCpuBefore[c.name]!) * 1000 * 100) / requestsOf(c.name)) / 100 : null]),
    );
    const ledger = await sut.waitForLedger(counts.switchyardSent, counts.switchyardSent);
    const stats = (list: Shot[], pick: (shot: Shot) => number) => rounded(summarise(list.filter((s) => s.ok).map(pick)));
    const perMode = Object.fromEntries(
      modes.map((mode) => {
        const list = shots[mode.name]!;
        return [
          mode.name,
          {
            requests: list.length,
            ok: list.filter((s) => s.ok).length,
            errors: errorsByKind(list),
            totalMs: stats(list, (s) => s.endAt - s.scheduledAt),
            ttfbMs: stats(list, (s) => (s.firstByteAt ?? s.endAt) - s.scheduledAt),
            cpuMsPerRequest: Math.round(((cpuByMode[mode.name] ?? 0) * 1000 * 100) / list.length) / 100,
          },
        ];
      }),
    );
    const added = (name: Name, kind: Kind, field: "totalMs" | "ttfbMs") => {
      const gateway = perMode[`${name} ${kind}`];
      const direct = perMode[`direct ${kind}`];
      if (!gateway || !direct) return null;
      return { p50: r3(gateway[field].p50 - direct[field].p50), p99: r3(gateway[field].p99 - direct[field].p99), mean: r3(gateway[field].mean - direct[field].mean) };
    };
    const addedMs = Object.fromEntries(
      (["switchyard", "portkey"] as const).map((name) => [name, { json: added(name, "json", "totalMs"), sseTotal: added(name, "sse", "totalMs"), sseTtfb: added(name, "sse", "ttfbMs") }]),
    ) as Record<"switchyard" | "portkey", Record<"json" | "sseTotal" | "sseTtfb", ReturnType<typeof added>>>;
    results.c1 = { requestsPerMode: settings.c1Requests, warmupPerMode: settings.warmup, elapsedS, loadBefore, loadAfter: machineInfo().loadAverage, machine, perMode, addedMs, phaseCpuMsPerRequest, ledger };

    console.log(`\nc1 — concurrency 1, mock answers at once (${loadLine()}); ms from send to end of body`);
    const rows: Array<Array<string | number>> = [["mode", "ok", "p50", "p90", "p99", "mean", "ttfb p50", "ttfb p99", "CPU ms/req"]];
    for (const mode of modes) {
      const m = perMode[mode.name]!;
      rows.push([mode.name, `${m.ok}/${m.requests}`, m.totalMs.p50, m.totalMs.p90, m.totalMs.p99, m.totalMs.mean, m.ttfbMs.p50, m.ttfbMs.p99, mode.contestant.name === "direct" ? "" : m.cpuMsPerRequest]);
    }
    for (const [key, failure] of Object.entries(failures)) rows.push([key, `FAILED: ${failure.error}`, "", "", "", "", "", "", ""]);
    console.log(table(rows));
    if (machine) console.log(`machine ${machine.machineBusyPct}% busy during c1; other work used ${machine.othersCoresUsed} of ${startMachine.cpus} cores`);
    console.log(`CPU per request over the whole phase: ${JSON.stringify(phaseCpuMsPerRequest)}; Switchyard ledger ${ledger.records}/${ledger.expected} records (${ledger.complete ? "complete" : "INCOMPLETE"})`);

    const s = addedMs.switchyard;
    const p = addedMs.portkey;
    row("c1 JSON: added p50 (ms)", s.json?.p50, p.json?.p50, { portkey: failedCell("portkey json") });
    row("c1 JSON: added p99 (ms)", s.json?.p99, p.json?.p99, { portkey: failedCell("portkey json") });
    row("c1 SSE: added TTFB p50 (ms)", s.sseTtfb?.p50, p.sseTtfb?.p50, { switchyard: failedCell("switchyard sse"), portkey: failedCell("portkey sse") });
    row("c1 SSE: added TTFB p99 (ms)", s.sseTtfb?.p99, p.sseTtfb?.p99, { switchyard: failedCell("switchyard sse"), portkey: failedCell("portkey sse") });
    row("c1 SSE: added p50 to [DONE] (ms)", s.sseTotal?.p50, p.sseTotal?.p50, { switchyard: failedCell("switchyard sse"), portkey: failedCell("portkey sse") });
    row("c1 SSE: added p99 to [DONE] (ms)", s.sseTotal?.p99, p.sseTotal?.p99, { switchyard: failedCell("switchyard sse"), portkey: failedCell("portkey sse") });
    row("c1 JSON: server CPU per request (ms)", perMode["switchyard json"]?.cpuMsPerRequest, perMode["portkey json"]?.cpuMsPerRequest, { portkey: failedCell("portkey json") });
    row("c1 SSE: server CPU per request (ms)", perMode["switchyard sse"]?.cpuMsPerRequest, perMode["portkey sse"]?.cpuMsPerRequest, { switchyard: failedCell("switchyard sse"), portkey: failedCell("portkey sse") });
  }

  if (settings.scenarios.includes("rate")) {
    results.rate = await runPeerRates({ sut, settings, contestants, failures, bodies, options, counts, waitUntilIdle, contentionMark, contentionSince, row, failedCell });
  }

  const targets = doneWhenChecks(results, settings.rates);

  // --- shutdown: SIGTERM, Switchyard flushes its queue ----------------------------------------------
  sut.server.kill("SIGTERM");
  await Promise.race([sut.exited, sleep(30_000)]);
  const afterStop = await sut.ledgerCounts();
  console.log(`\nSwitchyard stopped ${JSON.stringify(sut.serverExit())}; ledger ${afterStop.records}/${counts.switchyardSent} records, rollups ${afterStop.rollupRequests}/${counts.switchyardSent}`);
  for (const [key, failure] of Object.entries(failures)) console.log(`${key} failed: ${failure.error}, HTTP ${failure.status}: ${failure.body}${failure.log.length ? `; log: ${failure.log.join(" | ")}` : ""}`);

  console.log(`\nSwitchyard / Portkey, one run (${loadLine()}; lower is better except success):`);
  console.log(table(summary));
  if (targets.length > 1) {
    console.log("\nAgainst issue 11 (one instance; the two-instance target is for npm run cluster):");
    console.log(table(targets));
  }

  const out = path.join(RESULTS, `peer-${STAMP}.json`);
  writeFileSync(
    out,
    JSON.stringify(
      {
        benchmark: "peer",
        machineAtStart: startMachine,
        machineAtEnd: machineInfo(),
        postgres: pgVersion,
        source,
        settings,
        switchyard: { port: sut.port, pid: sut.server.pid, distDir: sut.distDir, build: settings.skipBuild ? "skipped" : "built", buildStale: settings.skipBuild ? sut.stale : false, policyVersion: sut.policyVersion, modelsOnMock: sut.models },
        portkey: { package: "@portkey-ai/gateway", version: portkeyInstall.version, dir: portkeyInstall.dir, installed: portkeyInstall.installed, port: portkey.port, pid: portkey.pid, flags: ["--headless"], env: { NODE_ENV: "production" } },
        results,
        targets: targets.slice(1).map(([target, measured, verdict]) => ({ target, measured, verdict })),
        summary: summary.slice(1).map(([figure, switchyard, portkeyValue, r]) => ({ figure, switchyard, portkey: portkeyValue, ratio: r })),
        ledgerAfterShutdown: { ...afterStop, expected: counts.switchyardSent },
      },
      null,
      2,
    ),
  );
  console.log(`Results: ${path.relative(process.cwd(), out)}`);
  for (const contestant of contestants) contestant.agent.destroy();
}

runBenchmark(main);
