// bench/peer.ts's rate scenario: for each rate, open loop against direct, Switchyard and Portkey
// in turn (each after both gateways are idle), JSON, the mock answering after the set delay;
// success, added latency against direct, errors, CPU per handled request, Switchyard's records.
import type { FireOptions } from "./load";
import { keepAliveAgent, openLoop } from "./load";
import { loadLine, machineInfo, type machineShare } from "./machine";
import { isConnectionError, r3, type Contestant, type Failure, type Kind, type Name } from "./peer-kit";
import { cpuSeconds, rssMiB, tcpCounters, tcpDelta } from "./process";
import { analyseOpenLoop } from "./rate-analysis";
import { table } from "./stats";
import type { SwitchyardUnderTest } from "./switchyard-server";

export interface PeerRateContext<Mark> {
  sut: SwitchyardUnderTest;
  /** rampS: seconds at the same rate, on the same client, before the measured window (0: none). */
  settings: { rates: number[]; durationS: number; delayMs: number; rampS: number };
  contestants: Contestant[];
  failures: Partial<Record<`${Name} ${Kind}`, Failure>>;
  bodies: Record<Kind, Buffer>;
  options: (kind: Kind) => FireOptions;
  /** Requests sent to Switchyard so far (each should leave a record). */
  counts: { switchyardSent: number };
  waitUntilIdle: () => Promise<{ idle: boolean; waitedMs: number }>;
  /** Machine-wide busy time against the benchmark's own, from a mark to now. */
  contentionMark: () => Promise<Mark>;
  contentionSince: (mark: Mark) => Promise<ReturnType<typeof machineShare>>;
  /** Adds a line to the Switchyard / Portkey summary. */
  row: (figure: string, switchyard: number | null | undefined, portkey: number | null | undefined, cells?: { switchyard?: string | null; portkey?: string | null }) => void;
  failedCell: (key: `${Name} ${Kind}`) => string | null;
}

export async function runPeerRates<Mark>({ sut, settings, contestants, failures, bodies, options, counts, waitUntilIdle, contentionMark, contentionSince, row, failedCell }: PeerRateContext<Mark>) {
  await sut.mockControl("/__bench/config", { delayMs: settings.delayMs });
  const runs: Array<Record<string, unknown>> = [];
  const rateRows: Array<Array<string | number>> = [["run", "sent", "ok %", "resp/s steady", "p50", "p99", "added p50", "added p99", "conn errors", "other errors", "CPU ms/handled", "records", "kept up", "other cores"]];
  for (const rate of settings.rates) {
    const byTarget: Partial<Record<Name, { analysis: ReturnType<typeof analyseOpenLoop>; connectionErrors: number; otherErrors: number; cpuMsPerRequest: number | null }>> = {};
    for (const contestant of contestants) {
      if (failures[`${contestant.name} json`]) continue;
      console.log(`\nrate: ${contestant.name} ${rate}/s for ${settings.durationS} s${settings.rampS > 0 ? ` after a ${settings.rampS} s ramp at the same rate` : ""}, mock delay ${settings.delayMs} ms (${loadLine()})…`);
      const idle = await waitUntilIdle();
      if (!idle.idle) console.warn(`  still busy after ${idle.waitedMs} ms; starting anyway`);
      const agent = keepAliveAgent();
      if (settings.rampS > 0) {
        // Not measured, alike for every target: the first seconds at a new rate open ~rate × delay
        // connections from the client and to the mock and grow the heap; the measured window then
        // asks whether the gateway holds the rate once there, on the connections it already has.
        const before = await sut.ledgerCounts();
        const ramp = await openLoop(agent, contestant.target, bodies.json, options("json"), rate, settings.rampS);
        if (contestant.name === "switchyard") {
          counts.switchyardSent += ramp.shots.length;
          await sut.waitForLedger(before.records + ramp.shots.length, before.rollupRequests + ramp.shots.length);
        }
      }
      const base = await sut.ledgerCounts();
      const tcpBefore = tcpCounters();
      const contention = await contentionMark();
      const cpuBefore = cpuSeconds(contestant.pid) ?? 0;
      const mockBefore = await sut.mockControl("/__bench/reset");
      const since = Date.now();
      const run = await openLoop(agent, contestant.target, bodies.json, options("json"), rate, settings.durationS);
      agent.destroy();
      const machine = await contentionSince(contention);
      const analysis = analyseOpenLoop(run, settings.delayMs);
      let ledger: Record<string, unknown> | null = null;
      if (contestant.name === "switchyard") {
        counts.switchyardSent += run.shots.length;
        const settled = await sut.waitForLedger(base.records + run.shots.length, base.rollupRequests + run.shots.length);
        ledger = { sent: run.shots.length, recordsWritten: settled.records - base.records, rollupRequestsAdded: settled.rollupRequests - base.rollupRequests, byOutcome: await sut.recordBreakdown(since - 1_000) };
      }
      // CPU until the gateway is idle again (it keeps working off a backlog after the send window),
      // per request it handled: each handled request made one upstream call, and a request that
      // never left the listen queue cost the gateway nothing.
      if (contestant.name !== "direct") await waitUntilIdle();
      const upstreamRequests = (await sut.mockControl("/__bench/stats")).requests - mockBefore.requests;
      const cpuMsPerRequest = contestant.name === "direct" || upstreamRequests === 0 ? null : Math.round((((cpuSeconds(contestant.pid) ?? 0) - cpuBefore) * 1000 * 100) / upstreamRequests) / 100;
      const connectionErrors = Object.entries(analysis.errors).reduce((sum, [kind, n]) => sum + (isConnectionError(kind) ? n : 0), 0);
      const otherErrors = analysis.sent - analysis.ok - connectionErrors;
      byTarget[contestant.name] = { analysis, connectionErrors, otherErrors, cpuMsPerRequest };
      const direct = byTarget.direct?.analysis;
      const addedP50 = direct && contestant.name !== "direct" ? r3(analysis.latencyMs.p50 - direct.latencyMs.p50) : null;
      const addedP99 = direct && contestant.name !== "direct" ? r3(analysis.latencyMs.p99 - direct.latencyMs.p99) : null;
      const tcp = tcpDelta(tcpBefore);
      runs.push({ target: contestant.name, rate, ...analysis, addedMs: { p50: addedP50, p99: addedP99 }, connectionErrors, otherErrors, upstreamRequests, cpuMsPerHandledRequest: cpuMsPerRequest, ledger, tcpCountersDelta: tcp, machine, load: machineInfo().loadAverage, rssMiB: rssMiB(contestant.pid) });
      rateRows.push([
        `${contestant.name} ${rate}/s`,
        analysis.sent,
        analysis.successRate,
        analysis.steadyResponsesPerS,
        analysis.latencyMs.p50,
        analysis.latencyMs.p99,
        addedP50 ?? "",
        addedP99 ?? "",
        connectionErrors,
        otherErrors,
        cpuMsPerRequest ?? "",
        ledger ? `${ledger.recordsWritten}/${ledger.sent}` : "",
        analysis.keptUp ? "yes" : "NO",
        machine?.othersCoresUsed ?? "?",
      ]);
      console.log(
        `  ${analysis.ok}/${analysis.sent} ok, ${analysis.steadyResponsesPerS} responses/s steady, p50 ${analysis.latencyMs.p50} ms, p99 ${analysis.latencyMs.p99} ms, errors ${JSON.stringify(analysis.errors)}; ` +
          `listen overflows +${tcp.ListenOverflows ?? "?"}; other work used ${machine?.othersCoresUsed ?? "?"} cores` +
          (ledger ? `; ledger ${ledger.recordsWritten}/${ledger.sent} records` : ""),
      );
    }
    const s = byTarget.switchyard;
    const p = byTarget.portkey;
    const direct = byTarget.direct?.analysis;
    const addedOf = (x: typeof s, q: "p50" | "p99") => (x && direct ? r3(x.analysis.latencyMs[q] - direct.latencyMs[q]) : null);
    row(`${rate} req/s: success (%)`, s?.analysis.successRate, p?.analysis.successRate, { portkey: failedCell("portkey json") });
    row(`${rate} req/s: added p50 (ms)`, addedOf(s, "p50"), addedOf(p, "p50"), { portkey: failedCell("portkey json") });
    row(`${rate} req/s: added p99 (ms)`, addedOf(s, "p99"), addedOf(p, "p99"), { portkey: failedCell("portkey json") });
    row(`${rate} req/s: connection errors`, s?.connectionErrors, p?.connectionErrors, { portkey: failedCell("portkey json") });
    row(`${rate} req/s: other errors`, s?.otherErrors, p?.otherErrors, { portkey: failedCell("portkey json") });
    row(`${rate} req/s: CPU per handled request (ms)`, s?.cpuMsPerRequest, p?.cpuMsPerRequest, { portkey: failedCell("portkey json") });
  }
  console.log(`\nrate — open loop, JSON, mock answers after ${settings.delayMs} ms; latency in ms from the scheduled send time; added = minus direct at the same rate`);
  console.log(table(rateRows));
  return { delayMs: settings.delayMs, durationS: settings.durationS, rampS: settings.rampS, runs };
}
