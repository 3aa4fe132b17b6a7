// bench/gateway.ts's c1 scenario: concurrency 1, closed loop, the mock answering at once; every
// mode in rotating blocks, the added latency against direct, the server's CPU per request, the
// ledger check. Adds its lines to the summary and returns the scenario's results.
import type http from "node:http";
import type { GatewayContext } from "./gateway-context";
import type { GatewaySettings } from "./gateway-settings";
import { closedLoop, errorsByKind, keepAliveAgent, type FireOptions, type Shot, type Target } from "./load";
import { loadLine, type MachineInfo } from "./machine";
import { ROUTINE_PROMPT } from "./prompts";
import { rounded, summarise, table } from "./stats";
import type { SwitchyardUnderTest } from "./switchyard-server";

export async function runC1(sut: SwitchyardUnderTest, ctx: GatewayContext, settings: GatewaySettings, startMachine: MachineInfo, summaryRows: Array<Array<string | number>>) {
  const { port, secret, mockControl } = sut;
  const { bodies, messagesBody, responsesBody, embeddingsBody, directEmbeddings, throughAt, direct, through, floor, serverCpu, usage, cpuMark, contentionMark, contentionSince, dbStats, dbDelta, waitForLedger } = ctx;
  await mockControl("/__bench/config", { delayMs: 0 });
  const agents = { direct: keepAliveAgent(1), through: keepAliveAgent(1) };
  const dryRun: Target = { label: "dry run", host: "127.0.0.1", port, path: "/api/route", headers: { authorization: `Bearer ${secret}` } };
  const dryRunBody = Buffer.from(JSON.stringify({ model: "auto", messages: ROUTINE_PROMPT, feature: "support-summaries", dryRun: true }));
  interface Mode {
    name: string;
    target: Target;
    agent: http.Agent;
    body: Buffer;
    options: FireOptions;
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
    if (mode.recorded) ctx.counts.throughSent += settings.warmup;
    if (mode.target === dryRun) ctx.counts.dryRunsSent += settings.warmup;
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
      if (mode.recorded) ctx.counts.throughSent += count;
      if (mode.target === dryRun) ctx.counts.dryRunsSent += count;
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
  return c1;
}
