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
import type http from "node:http";
import path from "node:path";
import { childEnv, cpuSeconds, rssMiB, runBenchmark, sleep, tcpCounters, tcpDelta } from "./lib/process";
import { ROOT, TSX_CLI, preparePostgres, sourceState, startSwitchyard } from "./lib/switchyard-server";

const BENCH_DIR = import.meta.dirname ?? __dirname;
const RESULTS = path.join(BENCH_DIR, "results");
const STAMP = new Date().toISOString().replace(/[:.]/g, "-");

const settings = {
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

async function main() {
  const { DEFAULT_ADMIN_URL } = await import("@/lib/testing/database");
  const { summarise, rounded, table } = await import("./lib/stats");
  const { machineInfo, loadLine, machineJiffies, machineShare } = await import("./lib/machine");
  const { ROUTINE_PROMPT } = await import("./lib/prompts");
  const { closedLoop, errorsByKind, keepAliveAgent, openLoop } = await import("./lib/load");
  const { analyseOpenLoop } = await import("./lib/rate-analysis");
  type Shot = import("./lib/load").Shot;
  type Target = import("./lib/load").Target;

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
  const { database, port, secret, mockKey, mockPort, mock, mockControl, policyVersion, models, server, exited, stale, ledger, ledgerCounts, recordBreakdown } = sut;
  const tsxCli = TSX_CLI;
  const childProcessEnv = childEnv;
  let throughSent = sut.probeRequests; // requests sent to the gateway so far (every one should leave a record)
  let dryRunsSent = 0; // dry runs leave a record but are left out of the rollups by design
  const waitForLedger = (expected = throughSent, expectedRollup = expected - dryRunsSent) => sut.waitForLedger(expected, expectedRollup);

  // --- targets ------------------------------------------------------------------------------------
  // An agent's turn: the same prompt with one tool offered; the mock answers with a call of it.
  const TOOLS = [{ type: "function", function: { name: "lookup_order", description: "Look up an order by id", parameters: { type: "object", properties: { order_id: { type: "string" } }, required: ["order_id"] } } }];
  const requestBody = (stream: boolean, tools = false) =>
    Buffer.from(JSON.stringify({ model: "auto", messages: ROUTINE_PROMPT, ...(tools ? { tools: TOOLS, tool_choice: "auto" } : {}), ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) }));
  const bodies = { json: requestBody(false), sse: requestBody(true), toolsJson: requestBody(false, true), toolsSse: requestBody(true, true) };
  // The other endpoints, as their own clients send them: Claude Code's vendor name (mapped to auto
  // by the seed) on Messages, Codex's on Responses. Both reach the mock as a chat completion, so
  // "direct json/sse" is their upstream call too.
  const promptText = ROUTINE_PROMPT.flatMap((message) => message.content.map((part) => (part.type === "text" ? part.text : ""))).join("\n");
  const messagesBody = (stream: boolean) => Buffer.from(JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 256, messages: [{ role: "user", content: promptText }], ...(stream ? { stream: true } : {}) }));
  const responsesBody = (stream: boolean) => Buffer.from(JSON.stringify({ model: "gpt-5-codex", input: promptText, ...(stream ? { stream: true } : {}) }));
  const embeddingsBody = Buffer.from(JSON.stringify({ model: "auto", input: promptText }));
  const directEmbeddings: Target = { label: "direct embeddings", host: "127.0.0.1", port: mockPort, path: "/v1/embeddings", headers: { authorization: `Bearer ${mockKey}` } };
  const throughAt = (route: string): Target => ({ label: `through ${route}`, host: "127.0.0.1", port, path: `/api/v1/${route}`, headers: sut.throughHeaders });
  const direct: Target = { label: "direct", host: "127.0.0.1", port: mockPort, path: "/v1/chat/completions", headers: { authorization: `Bearer ${mockKey}` } };
  const through: Target = { label: "through", host: "127.0.0.1", port, path: "/api/v1/chat/completions", headers: sut.throughHeaders };

  // Next's floor for this app: a GET on the chat route answers 405 from handleRoute, without any
  // of Switchyard's work (no auth, no body, no record).
  const floor: Target = { label: "next floor", host: "127.0.0.1", port, path: "/api/v1/chat/completions", headers: {}, method: "GET" };

  const serverCpu = () => cpuSeconds(server.pid);
  const mockCpu = () => cpuSeconds(mock.pid);
  const usage = (before: { server: number | null; mock: number | null }, requests: number) => {
    const serverNow = serverCpu();
    const mockNow = mockCpu();
    return {
      serverCpuS: serverNow !== null && before.server !== null ? Math.round((serverNow - before.server) * 100) / 100 : null,
      serverCpuMsPerRequest: serverNow !== null && before.server !== null && requests > 0 ? Math.round(((serverNow - before.server) * 1000 * 100) / requests) / 100 : null,
      mockCpuS: mockNow !== null && before.mock !== null ? Math.round((mockNow - before.mock) * 100) / 100 : null,
      serverRssMiB: rssMiB(server.pid),
    };
  };
  const cpuMark = () => ({ server: serverCpu(), mock: mockCpu() });
  /** CPU seconds of everything this benchmark runs: server, mock, this client, and the PostgreSQL backends of its database. */
  const ownCpuSeconds = async () => {
    const { rows } = await ledger.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [database.name]);
    const backends = rows.reduce((sum, row) => sum + (cpuSeconds(row.pid) ?? 0), 0);
    const self = process.cpuUsage();
    return (serverCpu() ?? 0) + (mockCpu() ?? 0) + (self.user + self.system) / 1e6 + backends;
  };
  /** For "how much else was running": machine-wide busy time against this benchmark's own. */
  const contentionMark = async () => ({ jiffies: machineJiffies(), own: await ownCpuSeconds() });
  const contentionSince = async (mark: { jiffies: ReturnType<typeof machineJiffies>; own: number }) => machineShare(mark.jiffies, (await ownCpuSeconds()) - mark.own);
  /** Database-side work (pg_stat_database; PostgreSQL publishes these with up to ~1 s delay). */
  const dbStats = async () => {
    const { rows } = await ledger.query<{ xacts: string; returned: string; fetched: string; inserted: string; updated: string }>(
      `SELECT xact_commit + xact_rollback AS xacts, tup_returned AS returned, tup_fetched AS fetched, tup_inserted AS inserted, tup_updated AS updated
       FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0]!;
    return { xacts: Number(row.xacts), returned: Number(row.returned), fetched: Number(row.fetched), inserted: Number(row.inserted), updated: Number(row.updated) };
  };
  const dbDelta = async (before: Awaited<ReturnType<typeof dbStats>>, requests: number) => {
    await sleep(1_500);
    const after = await dbStats();
    // Minus this benchmark's own ledger polling (a few transactions), which is small next to the server's.
    return Object.fromEntries(Object.entries(after).map(([name, value]) => [`${name}PerRequest`, Math.round(((value - before[name as keyof typeof before]) / Math.max(1, requests)) * 100) / 100]));
  };
  /** The server log written since the last call. */
  let logOffset = 0;
  const freshLog = () => {
    const text = readFileSync(logFile, "utf8");
    const fresh = text.slice(logOffset);
    logOffset = text.length;
    return fresh;
  };
  /** Waits (up to 120 s) until the mock gets no requests and the server uses < 15% of a core, three seconds running. */
  const waitUntilIdle = async () => {
    const started = Date.now();
    let cpuShare = 100;
    let quietSeconds = 0;
    let upstreamBefore = (await mockControl("/__bench/stats")).requests;
    // Three quiet seconds in a row: a server working off a backlog has lulls.
    while (Date.now() - started < 120_000) {
      const before = serverCpu() ?? 0;
      await sleep(1_000);
      cpuShare = Math.round(((serverCpu() ?? 0) - before) * 100);
      const { inFlight, requests } = await mockControl("/__bench/stats");
      quietSeconds = inFlight === 0 && requests === upstreamBefore && cpuShare < 15 ? quietSeconds + 1 : 0;
      upstreamBefore = requests;
      if (quietSeconds >= 3) return { idle: true, waitedMs: Date.now() - started, cpuShare };
    }
    return { idle: false, waitedMs: Date.now() - started, cpuShare };
  };

  const results: Record<string, unknown> = {};
  const summaryRows: Array<Array<string | number>> = [];

  // --- scenario c1: concurrency 1 ------------------------------------------------------------
  // Besides the four measured modes, two decompose the overhead: "next floor" is a GET on the
  // chat route (405 from handleRoute: Next's routing and a Response, none of Switchyard's work),
  // "dry run" is POST /api/route with dryRun (auth, body, analyse, decide, record; no upstream call).
  if (settings.scenarios.includes("c1")) {
    await mockControl("/__bench/config", { delayMs: 0 });
    const agents = { direct: keepAliveAgent(1), through: keepAliveAgent(1) };
    const dryRun: Target = { label: "dry run", host: "127.0.0.1", port, path: "/api/route", headers: { authorization: `Bearer ${secret}` } };
    const dryRunBody = Buffer.from(JSON.stringify({ model: "auto", messages: ROUTINE_PROMPT, feature: "support-summaries", dryRun: true }));
    interface Mode {
      name: string;
      target: Target;
      agent: http.Agent;
      body: Buffer;
      options: import("./lib/load").FireOptions;
      /** Leaves a decision record. */
      recorded: boolean;
    }
    const timeoutMs = settings.requestTimeoutMs;
    const modes: Mode[] = [
      { name: "direct json", target: direct, agent: agents.direct, body: bodies.json, options: { expect: "chat", timeoutMs }, recorded: false },
      { name: "through json", target: through, agent: agents.through, body: bodies.json, options: { expect: "chat", timeoutMs }, recorded: true },
      { name: "direct sse", target: direct, agent: agents.direct, body: bodies.sse, options: { expect: "sse", timeoutMs }, recorded: false },
      { name: "through sse", target: through, agent: agents.through, body: bodies.sse, options: { expect: "sse", timeoutMs }, recorded: true },
      { name: "direct tools json", target: direct, agent: agents.direct, body: bodies.toolsJson, options: { expect: "chat", timeoutMs }, recorded: false },
      { name: "through tools json", target: through, agent: agents.through, body: bodies.toolsJson, options: { expect: "chat", timeoutMs }, recorded: true },
      { name: "direct tools sse", target: direct, agent: agents.direct, body: bodies.toolsSse, options: { expect: "sse", timeoutMs }, recorded: false },
      { name: "through tools sse", target: through, agent: agents.through, body: bodies.toolsSse, options: { expect: "sse", timeoutMs }, recorded: true },
      { name: "through messages json", target: throughAt("messages"), agent: agents.through, body: messagesBody(false), options: { expect: "messages", timeoutMs }, recorded: true },
      { name: "through messages sse", target: throughAt("messages"), agent: agents.through, body: messagesBody(true), options: { expect: "messages-sse", timeoutMs }, recorded: true },
      { name: "through responses json", target: throughAt("responses"), agent: agents.through, body: responsesBody(false), options: { expect: "responses", timeoutMs }, recorded: true },
      { name: "through responses sse", target: throughAt("responses"), agent: agents.through, body: responsesBody(true), options: { expect: "responses-sse", timeoutMs }, recorded: true },
      { name: "direct embeddings", target: directEmbeddings, agent: agents.direct, body: embeddingsBody, options: { expect: "embeddings", timeoutMs }, recorded: false },
      { name: "through embeddings", target: throughAt("embeddings"), agent: agents.through, body: embeddingsBody, options: { expect: "embeddings", timeoutMs }, recorded: true },
      { name: "next floor (GET → 405)", target: floor, agent: agents.through, body: Buffer.alloc(0), options: { expect: "status", status: 405, timeoutMs }, recorded: false },
      { name: "dry run (POST /api/route)", target: dryRun, agent: agents.through, body: dryRunBody, options: { expect: "status", timeoutMs }, recorded: true },
    ];
    // BENCH_C1_MODES=through json,dry run keeps only those modes (for profiling one path).
    const only = process.env.BENCH_C1_MODES?.split(",").map((name) => name.trim());
    if (only) modes.splice(0, modes.length, ...modes.filter((mode) => only.some((name) => mode.name.startsWith(name))));
    const throughModes = modes.filter((mode) => mode.target.port === port);
    console.log(`\nc1: warm-up ${settings.warmup} per mode…`);
    for (const mode of modes) {
      await closedLoop(mode.agent, mode.target, mode.body, mode.options, settings.warmup);
      if (mode.recorded) throughSent += settings.warmup;
      if (mode.target === dryRun) dryRunsSent += settings.warmup;
    }
    await waitForLedger();
    const shots: Record<string, Shot[]> = Object.fromEntries(modes.map((mode) => [mode.name, []]));
    // Server CPU seconds while each mode's blocks ran (background work such as ledger writes falls
    // into whichever block it happens in; /proc has 10 ms ticks, so this is an average over blocks).
    const cpuByMode: Record<string, number> = {};
    const startedAt = Date.now();
    const before = cpuMark();
    const dbBefore = await dbStats();
    const contention = await contentionMark();
    const mockBefore = await mockControl("/__bench/reset");
    console.log(`c1: ${settings.c1Requests} requests per mode, in rotating blocks of ${settings.c1Block} (${loadLine()})…`);
    for (let done = 0; done < settings.c1Requests; done += settings.c1Block) {
      const count = Math.min(settings.c1Block, settings.c1Requests - done);
      for (const mode of modes) {
        const cpuBefore = serverCpu() ?? 0;
        shots[mode.name]!.push(...(await closedLoop(mode.agent, mode.target, mode.body, mode.options, count)));
        cpuByMode[mode.name] = (cpuByMode[mode.name] ?? 0) + ((serverCpu() ?? 0) - cpuBefore);
        if (mode.recorded) throughSent += count;
        if (mode.target === dryRun) dryRunsSent += count;
      }
    }
    const elapsedS = (Date.now() - startedAt) / 1000;
    const machine = await contentionSince(contention);
    const cpu = usage(before, settings.c1Requests * throughModes.length);
    const mockStats = await mockControl("/__bench/stats");
    const ledgerCheck = await waitForLedger();
    const database = await dbDelta(dbBefore, settings.c1Requests * throughModes.length);
    for (const agent of Object.values(agents)) agent.destroy();

    const stats = (list: Shot[], pick: (shot: Shot) => number | null) => rounded(summarise(list.filter((s) => s.ok).map(pick).filter((v): v is number => v !== null)));
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
            serverCpuMsPerRequest: Math.round(((cpuByMode[mode.name] ?? 0) * 1000 * 100) / list.length) / 100,
          },
        ];
      }),
    );
    const diff = (a: string, b: string, field: "totalMs" | "ttfbMs") => {
      const r = (v: number) => Math.round(v * 1000) / 1000;
      if (!perMode[a] || !perMode[b]) return { p50: NaN, p99: NaN, mean: NaN };
      const x = perMode[a]![field];
      const y = perMode[b]![field];
      return { p50: r(y.p50 - x.p50), p99: r(y.p99 - x.p99), mean: r(y.mean - x.mean) };
    };
    const c1 = {
      requestsPerMode: settings.c1Requests,
      warmupPerMode: settings.warmup,
      elapsedS,
      perMode,
      // Differences of percentiles (the two sides are separate samples, not pairs).
      addedMs: {
        json: diff("direct json", "through json", "totalMs"),
        sseTotal: diff("direct sse", "through sse", "totalMs"),
        sseTtfb: diff("direct sse", "through sse", "ttfbMs"),
        toolsJson: diff("direct tools json", "through tools json", "totalMs"),
        toolsSseTotal: diff("direct tools sse", "through tools sse", "totalMs"),
        toolsSseTtfb: diff("direct tools sse", "through tools sse", "ttfbMs"),
        // Messages and Responses make the same upstream call as chat completions (direct json / sse).
        messagesJson: diff("direct json", "through messages json", "totalMs"),
        messagesSseTotal: diff("direct sse", "through messages sse", "totalMs"),
        messagesSseTtfb: diff("direct sse", "through messages sse", "ttfbMs"),
        responsesJson: diff("direct json", "through responses json", "totalMs"),
        responsesSseTotal: diff("direct sse", "through responses sse", "totalMs"),
        responsesSseTtfb: diff("direct sse", "through responses sse", "ttfbMs"),
        embeddings: diff("direct embeddings", "through embeddings", "totalMs"),
      },
      decomposition: {
        nextFloorMs: perMode["next floor (GET → 405)"]?.totalMs ?? null,
        dryRunOverFloorMs: diff("next floor (GET → 405)", "dry run (POST /api/route)", "totalMs"),
        fullOverDryRunMs: diff("dry run (POST /api/route)", "through json", "totalMs"),
      },
      upstreamRequests: mockStats.requests - mockBefore.requests,
      machine,
      databasePerGatewayRequest: database,
      ...cpu,
      cpuNote: "server CPU is for all gateway-side modes together (through json, through sse, floor, dry run)",
      ledger: ledgerCheck,
    };
    results.c1 = c1;
    console.log(`\nc1 — concurrency 1, mock answers at once (${loadLine()}); ms from send to end of body`);
    const rows: Array<Array<string | number>> = [["mode", "ok", "p50", "p90", "p99", "mean", "ttfb p50", "ttfb p99", "srv CPU ms/req"]];
    for (const mode of modes) {
      const m = perMode[mode.name]!;
      rows.push([mode.name, `${m.ok}/${m.requests}`, m.totalMs.p50, m.totalMs.p90, m.totalMs.p99, m.totalMs.mean, m.ttfbMs.p50, m.ttfbMs.p99, mode.target.port === port ? m.serverCpuMsPerRequest : ""]);
    }
    const add = (label: string, d: { p50: number; p99: number; mean: number }) => rows.push([label, "", d.p50, "", d.p99, d.mean, "", "", ""]);
    add("added json (through − direct)", c1.addedMs.json);
    add("added sse total", c1.addedMs.sseTotal);
    add("added sse ttfb", c1.addedMs.sseTtfb);
    add("added tools json", c1.addedMs.toolsJson);
    add("added tools sse total", c1.addedMs.toolsSseTotal);
    add("added tools sse ttfb", c1.addedMs.toolsSseTtfb);
    add("added messages json", c1.addedMs.messagesJson);
    add("added messages sse ttfb", c1.addedMs.messagesSseTtfb);
    add("added responses json", c1.addedMs.responsesJson);
    add("added responses sse ttfb", c1.addedMs.responsesSseTtfb);
    add("added embeddings", c1.addedMs.embeddings);
    add("dry run − next floor", c1.decomposition.dryRunOverFloorMs);
    add("through json − dry run", c1.decomposition.fullOverDryRunMs);
    console.log(table(rows));
    const errors = modes.map((mode) => perMode[mode.name]!).filter((m) => m.ok < m.requests);
    if (errors.length > 0) console.log(`errors: ${JSON.stringify(Object.fromEntries(modes.map((mode) => [mode.name, perMode[mode.name]!.errors])))}`);
    console.log(`database per gateway-side request: ${JSON.stringify(database)} (pg_stat_database, includes this benchmark's ledger polling)`);
    if (machine) console.log(`machine ${machine.machineBusyPct}% busy during c1; other work used ${machine.othersCoresUsed} of ${startMachine.cpus} cores`);
    console.log(
      `server CPU ${cpu.serverCpuS} s for ${settings.c1Requests * throughModes.length} gateway-side requests = ${cpu.serverCpuMsPerRequest} ms/request (all gateway modes); RSS ${cpu.serverRssMiB} MiB. ` +
        `Ledger: ${ledgerCheck.records}/${ledgerCheck.expected} records, rollups count ${ledgerCheck.rollupRequests}/${ledgerCheck.expectedRollup} (dry runs are not rolled up) (${ledgerCheck.complete ? "complete" : "INCOMPLETE"}, settled in ${ledgerCheck.settledAfterMs} ms)`,
    );
    summaryRows.push(["c1 added json p50 / p99 (ms)", `${c1.addedMs.json.p50} / ${c1.addedMs.json.p99}`, "≤ 1 / ≤ 3", c1.addedMs.json.p50 <= 1 && c1.addedMs.json.p99 <= 3 ? "met" : "MISSED"]);
    summaryRows.push(["c1 added sse ttfb p50 / p99 (ms)", `${c1.addedMs.sseTtfb.p50} / ${c1.addedMs.sseTtfb.p99}`, "≤ 1 / ≤ 3", c1.addedMs.sseTtfb.p50 <= 1 && c1.addedMs.sseTtfb.p99 <= 3 ? "met" : "MISSED"]);
    summaryRows.push(["c1 records written", `${ledgerCheck.records}/${ledgerCheck.expected}`, "all", ledgerCheck.complete ? "met" : "MISSED"]);
  }

  // --- scenario rate: open loop at fixed arrival rates ---------------------------------------------
  if (settings.scenarios.includes("rate")) {
    await mockControl("/__bench/config", { delayMs: settings.delayMs });
    const runs: unknown[] = [];
    results.rate = { delayMs: settings.delayMs, durationS: settings.durationS, runs };
    const analyse = analyseOpenLoop;
    const rateRows: Array<Array<string | number>> = [["run", "sent", "ok %", "resp/s steady", "p50", "p99", "p50 drift", "upstream in flight", "srv CPU ms/req", "records", "kept up"]];
    const passed = new Set<number>();
    const failed = new Set<number>();
    const runRate = async (rate: number) => {
      let pass = true;
      for (const stream of settings.rateStream ? [false, true] : [false]) {
        const kind = stream ? "sse" : "json";
        const body = stream ? bodies.sse : bodies.json;
        // The framework's floor at the same rate, once (first rate, JSON only): can Next alone keep up here?
        const targets = rate === settings.rates[0] && !stream ? [direct, floor, through] : [direct, through];
        for (const target of targets) {
          const label = target === floor ? `next floor (GET → 405) ${rate}/s` : `${target.label} ${kind} ${rate}/s`;
          console.log(`\nrate: ${label} for ${settings.durationS} s, mock delay ${settings.delayMs} ms (${loadLine()})…`);
          const idle = await waitUntilIdle();
          if (!idle.idle) console.warn(`  server still busy after ${idle.waitedMs} ms (${idle.cpuShare}% of a core); starting anyway`);
          const agent = keepAliveAgent();
          const base = await ledgerCounts();
          freshLog();
          const tcpBefore = tcpCounters();
          const contention = await contentionMark();
          const before = cpuMark();
          const mockBefore = await mockControl("/__bench/reset");
          const since = Date.now();
          const options: import("./lib/load").FireOptions =
            target === floor ? { expect: "status", status: 405, timeoutMs: settings.requestTimeoutMs } : { expect: stream ? "sse" : "chat", timeoutMs: settings.requestTimeoutMs };
          const run = await openLoop(agent, target, target === floor ? Buffer.alloc(0) : body, options, rate, settings.durationS);
          agent.destroy();
          const machine = await contentionSince(contention);
          const mockStats = await mockControl("/__bench/stats");
          const analysis = analyse(run, target === floor ? 0 : settings.delayMs);
          let ledger: Record<string, unknown> | null = null;
          let cpu = usage(before, target === floor ? run.shots.length : 0);
          let recordsComplete = true;
          if (target === through) {
            throughSent += run.shots.length;
            const settled = await waitForLedger(base.records + run.shots.length, base.rollupRequests + run.shots.length);
            // CPU until the server is idle again, per request it handled (one record each).
            await waitUntilIdle();
            const after = await ledgerCounts();
            const written = after.records - base.records;
            cpu = usage(before, written);
            const log = freshLog();
            const unhandled = (log.match(/unhandled error/g) ?? []).length;
            recordsComplete = written === run.shots.length && after.rollupRequests - base.rollupRequests === run.shots.length;
            ledger = {
              sent: run.shots.length,
              recordsWritten: written,
              rollupRequestsAdded: after.rollupRequests - base.rollupRequests,
              missing: run.shots.length - written,
              // Requests that reached Switchyard's handler and failed outside the pipeline (no record).
              unhandledErrorsInLog: unhandled,
              ledgerWriteRetriesInLog: (log.match(/decision records not written yet/g) ?? []).length,
              settledAfterMs: settled.settledAfterMs,
              complete: recordsComplete,
              byOutcome: await recordBreakdown(since - 1_000),
            };
          }
          const tcp = tcpDelta(tcpBefore);
          const entry = {
            label,
            target: target.label,
            stream,
            ...analysis,
            upstreamRequests: mockStats.requests - mockBefore.requests,
            upstreamMaxInFlight: mockStats.maxInFlight,
            ...cpu,
            ledger,
            tcpCountersDelta: tcp,
            machine,
            load: machineInfo().loadAverage,
          };
          runs.push(entry);
          rateRows.push([
            label,
            analysis.sent,
            analysis.successRate,
            analysis.steadyResponsesPerS,
            analysis.latencyMs.p50,
            analysis.latencyMs.p99,
            analysis.p50DriftMs,
            entry.upstreamMaxInFlight,
            target !== direct ? (cpu.serverCpuMsPerRequest ?? "") : "",
            ledger ? `${ledger.recordsWritten}/${ledger.sent}` : "",
            analysis.keptUp ? "yes" : "NO",
          ]);
          console.log(
            `  ${analysis.ok}/${analysis.sent} ok, ${analysis.steadyResponsesPerS} responses/s steady, p50 ${analysis.latencyMs.p50} ms, p99 ${analysis.latencyMs.p99} ms, errors ${JSON.stringify(analysis.errors)}; ` +
              `upstream got ${entry.upstreamRequests} (max ${entry.upstreamMaxInFlight} in flight); listen overflows +${tcp.ListenOverflows ?? "?"}; other work used ${machine?.othersCoresUsed ?? "?"} cores` +
              (ledger ? `\n  ledger: ${ledger.recordsWritten}/${ledger.sent} records, rollups +${ledger.rollupRequestsAdded}, ${ledger.unhandledErrorsInLog} unhandled errors in the log; server CPU ${cpu.serverCpuMsPerRequest} ms per handled request` : ""),
          );
          if (target === through) {
            const runPass = analysis.keptUp && recordsComplete;
            pass &&= runPass;
            summaryRows.push([
              `${kind} ${rate} req/s: 100% ok, kept up, all records`,
              `${analysis.successRate}% ok, ${analysis.steadyResponsesPerS}/s, records ${ledger?.recordsWritten}/${ledger?.sent}`,
              rate === 500 ? "target" : "probe",
              runPass ? "met" : "MISSED",
            ]);
          }
        }
      }
      (pass ? passed : failed).add(rate);
      return pass;
    };
    for (const rate of settings.rates) {
      if ((await runRate(rate)) && !settings.allRates) break;
    }
    // Narrow down between the highest rate that held and the lowest that did not.
    for (let step = 0; step < settings.bisect; step += 1) {
      const low = Math.max(0, ...passed);
      const high = Math.min(...[...failed].filter((rate) => rate > low));
      if (!Number.isFinite(high) || low === 0 || high - low <= 25) break;
      const middle = Math.round((low + high) / 2 / 25) * 25;
      if (middle <= low || middle >= high) break;
      await runRate(middle);
    }
    console.log(`\nrate — open loop, mock answers after ${settings.delayMs} ms; latency in ms from the scheduled send time`);
    console.log(table(rateRows));
  }

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
    `\nshutdown: ${JSON.stringify(shutdown.exit)} after ${shutdown.ms} ms; ${shutdown.logLine || "(no flush line in the log)"}; records ${afterStop.records}/${throughSent}, rollups ${afterStop.rollupRequests}/${throughSent - dryRunsSent}`,
  );
  if (errorLines.length > 0) console.log(`server log has ${errorLines.length}+ error/warning lines, first: ${errorLines[0]}`);

  if (settings.cpuProf) {
    // Summarise now, while .next still holds the chunks (and source maps) the profile refers to.
    const summary = spawnSync(process.execPath, [tsxCli, path.join(BENCH_DIR, "profile-summary.ts"), profileDir], { cwd: ROOT, encoding: "utf8", env: childProcessEnv({ TOP: "40", NODE_OPTIONS: undefined }) });
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
        ledgerAfterShutdown: { ...afterStop, expected: throughSent, expectedRollup: throughSent - dryRunsSent },
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
