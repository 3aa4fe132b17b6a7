// bench/gateway.ts's rate scenario: open loop at fixed arrival rates against a slow mock —
// direct, Next's floor (first rate), through — falling back to lower rates while one fails, then
// a bisection; each run checked against the ledger. Adds its lines to the summary and returns
// the runs.
import type { GatewayContext } from "./gateway-context";
import type { GatewaySettings } from "./gateway-settings";
import { keepAliveAgent, openLoop, type FireOptions } from "./load";
import { loadLine, machineInfo } from "./machine";
import { tcpCounters, tcpDelta } from "./process";
import { analyseOpenLoop } from "./rate-analysis";
import { table } from "./stats";
import type { SwitchyardUnderTest } from "./switchyard-server";

export async function runRates(sut: SwitchyardUnderTest, ctx: GatewayContext, settings: GatewaySettings, summaryRows: Array<Array<string | number>>) {
  const { mockControl, ledgerCounts, recordBreakdown } = sut;
  const { bodies, direct, through, floor, usage, cpuMark, contentionMark, contentionSince, freshLog, waitUntilIdle, waitForLedger } = ctx;
  await mockControl("/__bench/config", { delayMs: settings.delayMs });
  const runs: unknown[] = [];
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
        const options: FireOptions =
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
          ctx.counts.throughSent += run.shots.length;
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
  return { delayMs: settings.delayMs, durationS: settings.durationS, runs };
}
